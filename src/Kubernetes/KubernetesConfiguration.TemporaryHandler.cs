using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace KubeBind.Kubernetes;

// Placeholder until the configuration layer lands (it replaces this file with the full TLS/proxy/credential handler).
public sealed partial class KubernetesConfiguration
{
    /// <summary>An HTTP handler trusting <see cref="CertificateAuthorityPem"/> (minimal placeholder).</summary>
    public HttpMessageHandler CreateHandler()
    {
        var handler = new SocketsHttpHandler();
        if (CertificateAuthorityPem is { } pem)
        {
            var ca = new X509Certificate2Collection();
            ca.ImportFromPem(pem);
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                {
                    if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
                    {
                        return false;
                    }

                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.AddRange(ca);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    return chain.Build(new X509Certificate2(certificate));
                },
            };
        }

        return handler;
    }
}
