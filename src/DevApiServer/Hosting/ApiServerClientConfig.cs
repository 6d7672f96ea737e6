using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace KubeBind.DevApiServer.Hosting;

/// <summary>How a client reaches a running DevApiServer: address, admin bearer token and the CA to trust.</summary>
public sealed record ApiServerClientConfig(Uri Server, string BearerToken, string? CertificateAuthorityPem)
{
    /// <summary>An HTTP handler that trusts exactly this server's CA (or speaks plain HTTP).</summary>
    public HttpMessageHandler CreateHandler()
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (CertificateAuthorityPem is not null)
        {
            var ca = X509Certificate2.CreateFromPem(CertificateAuthorityPem);
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                {
                    if (certificate is null)
                    {
                        return false;
                    }

                    if (errors == SslPolicyErrors.None)
                    {
                        return true;
                    }

                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.Add(ca);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    return (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None && chain.Build(new X509Certificate2(certificate));
                },
            };
        }

        return handler;
    }
}
