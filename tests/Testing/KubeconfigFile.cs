using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace KubeBind.Testing;

/// <summary>
/// Just enough kubeconfig reading for tests to reach any cluster the way kubectl would: the current context's
/// server, CA (data or file, or insecure), and a bearer token or client certificate.
/// </summary>
public sealed record KubeconfigFile(string Path, Uri Server, string? Token, string? CaPem, bool Insecure, X509Certificate2? ClientCertificate)
{
    public static KubeconfigFile Load(string path)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var current = Scalar(root, "current-context") ?? throw new InvalidOperationException($"{path}: no current-context");
        var context = Named(root, "contexts", current, "context") ?? throw new InvalidOperationException($"{path}: context '{current}' not found");
        var cluster = Named(root, "clusters", Scalar(context, "cluster")!, "cluster") ?? throw new InvalidOperationException($"{path}: cluster of context '{current}' not found");
        var user = Named(root, "users", Scalar(context, "user") ?? string.Empty, "user");
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        string? Read(YamlMappingNode? node, string dataKey, string fileKey) =>
            Scalar(node, dataKey) is { } data ? Encoding.UTF8.GetString(Convert.FromBase64String(data))
            : Scalar(node, fileKey) is { } file ? File.ReadAllText(System.IO.Path.Combine(dir, file))
            : null;

        var certPem = Read(user, "client-certificate-data", "client-certificate");
        var keyPem = Read(user, "client-key-data", "client-key");
        var clientCertificate = certPem is not null && keyPem is not null ? X509Certificate2.CreateFromPem(certPem, keyPem) : null;
        return new KubeconfigFile(
            path,
            new Uri(Scalar(cluster, "server") ?? throw new InvalidOperationException($"{path}: cluster has no server")),
            Scalar(user, "token"),
            Read(cluster, "certificate-authority-data", "certificate-authority"),
            Scalar(cluster, "insecure-skip-tls-verify") == "true",
            clientCertificate);
    }

    /// <summary>An HTTP handler that authenticates and trusts the cluster like kubectl would.</summary>
    public HttpMessageHandler CreateHandler()
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) };
        var ssl = new SslClientAuthenticationOptions();
        if (ClientCertificate is not null)
        {
            // Re-import so the key is usable for TLS client authentication on every platform.
            ssl.ClientCertificates = [X509CertificateLoader.LoadPkcs12(ClientCertificate.Export(X509ContentType.Pkcs12), null)];
        }

        if (Insecure)
        {
            // The kubeconfig asked for insecure-skip-tls-verify; honour it like kubectl does.
#pragma warning disable CA5359
            ssl.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        }
        else if (CaPem is not null)
        {
            var ca = new X509Certificate2Collection();
            ca.ImportFromPem(CaPem);
            ssl.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
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
            };
        }

        handler.SslOptions = ssl;
        return handler;
    }

    private static string? Scalar(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode s ? s.Value : null;

    private static YamlMappingNode? Named(YamlMappingNode root, string list, string name, string inner)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode(list), out var items) || items is not YamlSequenceNode sequence)
        {
            return null;
        }

        foreach (var item in sequence.Children.OfType<YamlMappingNode>())
        {
            if (Scalar(item, "name") == name && item.Children.TryGetValue(new YamlScalarNode(inner), out var body))
            {
                return body as YamlMappingNode;
            }
        }

        return null;
    }
}
