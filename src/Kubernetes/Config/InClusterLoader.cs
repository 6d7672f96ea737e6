using System.Net.Sockets;

namespace KubeBind.Kubernetes.Config;

/// <summary>
/// Builds the configuration of a pod from <c>KUBERNETES_SERVICE_HOST</c>/<c>_PORT</c> and the mounted service account,
/// like client-go's InClusterConfig; the token is re-read as the kubelet rotates it.
/// </summary>
public static class InClusterLoader
{
    /// <summary>Whether this process looks like it runs in a pod.</summary>
    public static bool IsInCluster(InClusterOptions? options = null)
    {
        options ??= new InClusterOptions();
        return !string.IsNullOrEmpty(options.Environment("KUBERNETES_SERVICE_HOST"))
            && !string.IsNullOrEmpty(options.Environment("KUBERNETES_SERVICE_PORT"))
            && File.Exists(Path.Combine(options.ServiceAccountDirectory, "token"));
    }

    /// <summary>Loads the in-cluster configuration, failing with a clear message outside a pod.</summary>
    public static KubernetesConfiguration Load(InClusterOptions? options = null)
    {
        options ??= new InClusterOptions();
        var host = options.Environment("KUBERNETES_SERVICE_HOST");
        var port = options.Environment("KUBERNETES_SERVICE_PORT");
        if (string.IsNullOrEmpty(host) || string.IsNullOrEmpty(port))
        {
            throw new KubeconfigException(null, null, "KUBERNETES_SERVICE_HOST", "unable to load in-cluster configuration: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be defined");
        }

        var tokenPath = Path.Combine(options.ServiceAccountDirectory, "token");
        if (!File.Exists(tokenPath))
        {
            throw new KubeconfigException(null, null, tokenPath, $"unable to load in-cluster configuration: {tokenPath} does not exist");
        }

        // net.JoinHostPort: IPv6 service hosts need brackets.
        var authority = System.Net.IPAddress.TryParse(host, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{host}]:{port}" : $"{host}:{port}";
        var caPath = Path.Combine(options.ServiceAccountDirectory, "ca.crt");
        var namespacePath = Path.Combine(options.ServiceAccountDirectory, "namespace");
        var @namespace = options.Environment("POD_NAMESPACE") is { Length: > 0 } podNamespace ? podNamespace
            : File.Exists(namespacePath) && File.ReadAllText(namespacePath).Trim() is { Length: > 0 } mounted ? mounted
            : "default";
        return new KubernetesConfiguration
        {
            Server = new Uri($"https://{authority}"),
            CertificateAuthorityPem = File.Exists(caPath) ? File.ReadAllText(caPath) : null,
            Credentials = new TokenFileCredentialProvider(tokenPath, options.TimeProvider),
            Namespace = @namespace,
        };
    }
}
