using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace KubeBind.Kubernetes;

public sealed partial class KubernetesConfiguration
{
    /// <summary>
    /// A pooled, HTTP/2-capable handler that trusts exactly the configured CA (or the system store), honours
    /// insecure-skip-tls-verify, the TLS server name and the proxy, and presents the current client certificate.
    /// </summary>
    public HttpMessageHandler CreateHandler()
    {
        var handler = new SocketsHttpHandler
        {
            // Recycle connections so DNS changes and rotated client certificates are picked up.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
            EnableMultipleHttp2Connections = true,
            AutomaticDecompression = DecompressionMethods.GZip,
            ConnectTimeout = TimeSpan.FromSeconds(30),
            KeepAlivePingDelay = TimeSpan.FromSeconds(30),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(15),
        };
        if (Proxy is not null)
        {
            handler.Proxy = new WebProxy(Proxy);
            handler.UseProxy = true;
        }

        handler.SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = ServerCertificateValidator.Create(this),
            LocalCertificateSelectionCallback = SelectClientCertificate,
        };
        return string.IsNullOrEmpty(TlsServerName) ? handler : new ServerNameHandler(TlsServerName, handler);
    }

    /// <summary>
    /// An <see cref="HttpClient"/> for the server that adds credentials per request (retrying once after a 401) and
    /// prefers HTTP/2, falling back to HTTP/1.1.
    /// </summary>
    public HttpClient CreateHttpClient()
    {
        var handler = Credentials is null ? CreateHandler() : new CredentialHandler(Credentials) { InnerHandler = CreateHandler() };
        return new HttpClient(handler)
        {
            BaseAddress = Server,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
    }

    // Asked on every new TLS connection, so a certificate an exec plugin rotates is used from the next connection on.
    private X509Certificate2? SelectClientCertificate(object sender, string targetHost, X509CertificateCollection localCertificates, X509Certificate? remoteCertificate, string[] acceptableIssuers)
    {
        if (Credentials is { } credentials)
        {
            var pending = credentials.GetAsync(CancellationToken.None);
            // Usually already cached (the request just asked for it); otherwise this handshake has to wait for it.
            var credential = pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
            if (credential.ClientCertificate is { } current)
            {
                return current;
            }
        }

        return ClientCertificate;
    }
}
