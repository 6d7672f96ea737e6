using KubeBind.Kubernetes;
using KubeBind.Kubernetes.Config;

namespace KubeBind.DevApiServer.Hosting;

/// <summary>How a client reaches a running DevApiServer: address, admin bearer token and the CA to trust.</summary>
public sealed record ApiServerClientConfig(Uri Server, string BearerToken, string? CertificateAuthorityPem)
{
    /// <summary>The same settings for KubeBind.Kubernetes clients.</summary>
    public KubernetesConfiguration ToKubernetesConfiguration() => new()
    {
        Server = Server,
        CertificateAuthorityPem = CertificateAuthorityPem,
        Credentials = StaticCredentialProvider.Bearer(BearerToken),
    };

    /// <summary>An HTTP handler that trusts exactly this server's CA (or speaks plain HTTP); it adds no credentials.</summary>
    public HttpMessageHandler CreateHandler() => ToKubernetesConfiguration().CreateHandler();
}
