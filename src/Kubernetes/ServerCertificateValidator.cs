using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace KubeBind.Kubernetes;

/// <summary>Checks the API server's certificate like client-go: the configured CA only (or the system store), and the expected name.</summary>
internal static class ServerCertificateValidator
{
    public static RemoteCertificateValidationCallback Create(KubernetesConfiguration configuration)
    {
        if (configuration.InsecureSkipTlsVerify)
        {
            // The kubeconfig asked for insecure-skip-tls-verify; honour it like kubectl does.
#pragma warning disable CA5359
            return (_, _, _, _) => true;
#pragma warning restore CA5359
        }

        var expectedName = configuration.TlsServerName ?? configuration.Server.IdnHost;
        X509Certificate2Collection? roots = null;
        if (configuration.CertificateAuthorityPem is { } pem)
        {
            roots = [];
            roots.ImportFromPem(pem);
        }

        return (_, certificate, chain, errors) =>
        {
            if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
            {
                return false;
            }

            var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            // Like Go's crypto/tls: SANs only, no common-name fallback; checked here so tls-server-name can differ from the host.
            if (!leaf.MatchesHostname(expectedName, allowWildcards: true, allowCommonName: false))
            {
                return false;
            }

            if (roots is null)
            {
                return (errors & ~SslPolicyErrors.RemoteCertificateNameMismatch) == SslPolicyErrors.None;
            }

            using var custom = new X509Chain();
            custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            custom.ChainPolicy.CustomTrustStore.AddRange(roots);
            custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            if (chain is not null)
            {
                foreach (var element in chain.ChainElements)
                {
                    custom.ChainPolicy.ExtraStore.Add(element.Certificate);
                }
            }

            return custom.Build(leaf);
        };
    }
}
