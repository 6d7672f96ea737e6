using System.Security.Cryptography;
using System.Text;

namespace KubeBind.Kubernetes.Config;

/// <summary>Turns a kubeconfig cluster entry into connection settings, with errors naming the field at fault.</summary>
internal static class ClusterResolver
{
    public static ResolvedCluster Resolve(KubeconfigCluster cluster, string name, string? context, string path)
    {
        var at = $"clusters[{name}].cluster";
        KubeconfigException Error(string field, string problem, Exception? inner = null) =>
            new(path, context, $"{at}.{field}", $"cluster \"{name}\": {field} {problem}", inner);

        if (string.IsNullOrWhiteSpace(cluster.Server))
        {
            throw Error("server", "is not set");
        }

        // client-go defaults a bare host:port to https.
        var serverText = cluster.Server.Contains("://", StringComparison.Ordinal) ? cluster.Server : $"https://{cluster.Server}";
        if (!Uri.TryCreate(serverText, UriKind.Absolute, out var server) || server.Scheme is not ("https" or "http"))
        {
            throw Error("server", $"\"{cluster.Server}\" is not an http(s) URL");
        }

        string? caPem = null;
        if (!string.IsNullOrEmpty(cluster.CertificateAuthorityData))
        {
            try
            {
                caPem = Pem.FromBase64(cluster.CertificateAuthorityData);
            }
            catch (FormatException e)
            {
                throw Error("certificate-authority-data", "is not valid base64", e);
            }

            if (!IsBundle(caPem))
            {
                throw Error("certificate-authority-data", "does not hold a PEM certificate");
            }
        }
        else if (!string.IsNullOrEmpty(cluster.CertificateAuthority))
        {
            try
            {
                caPem = File.ReadAllText(cluster.CertificateAuthority);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw Error("certificate-authority", $"cannot be read: {e.Message}", e);
            }

            if (!IsBundle(caPem))
            {
                throw Error("certificate-authority", $"{cluster.CertificateAuthority} does not hold a PEM certificate");
            }
        }

        if (caPem is not null && cluster.InsecureSkipTlsVerify)
        {
            // client-go refuses this combination too: "specifying a root certificates file with the insecure flag is not allowed".
            throw Error("insecure-skip-tls-verify", "cannot be combined with a certificate authority");
        }

        Uri? proxy = null;
        if (!string.IsNullOrEmpty(cluster.ProxyUrl)
            && (!Uri.TryCreate(cluster.ProxyUrl, UriKind.Absolute, out proxy) || proxy.Scheme is not ("http" or "https" or "socks5")))
        {
            throw Error("proxy-url", $"\"{cluster.ProxyUrl}\" is not an http, https or socks5 URL");
        }

        var forExec = cluster with
        {
            Server = server.ToString(),
            CertificateAuthority = null,
            CertificateAuthorityData = caPem is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(caPem)),
        };
        return new ResolvedCluster(server, caPem, proxy, forExec);
    }

    private static bool IsBundle(string pem)
    {
        try
        {
            foreach (var certificate in Pem.ParseBundle(pem))
            {
                certificate.Dispose();
            }

            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
