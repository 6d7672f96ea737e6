using System.Security.Cryptography.X509Certificates;

namespace KubeBind.Kubernetes;

/// <summary>
/// Everything needed to reach one cluster: where (server, optional path prefix, proxy), whom to trust (CA, TLS server
/// name, or explicitly nothing), who we are (credentials) and the default namespace. Built from a kubeconfig, from the
/// in-cluster service account, or by hand.
/// </summary>
public sealed partial class KubernetesConfiguration
{
    /// <summary>The API server, possibly with a path prefix (<c>https://host/clusters/a</c>).</summary>
    public required Uri Server { get; init; }

    /// <summary>PEM of the CA bundle that signs the server certificate; null trusts the system store.</summary>
    public string? CertificateAuthorityPem { get; init; }

    /// <summary>Skip server certificate verification (kubeconfig's insecure-skip-tls-verify).</summary>
    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>The name to verify the server certificate against, when it differs from the server's host.</summary>
    public string? TlsServerName { get; init; }

    /// <summary>An HTTP(S) proxy for all requests.</summary>
    public Uri? Proxy { get; init; }

    /// <summary>A static TLS client certificate (with key); exec plugins may supply one per request instead.</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>Where request credentials come from; null sends none.</summary>
    public ICredentialProvider? Credentials { get; init; }

    /// <summary>The namespace used when a call does not name one (the kubeconfig context's, or the pod's).</summary>
    public string Namespace { get; init; } = "default";

    /// <summary>The kubeconfig context this came from, for messages.</summary>
    public string? ContextName { get; init; }
}
