namespace KubeBind.DevApiServer;

/// <summary>Settings of one DevApiServer; every one has a working default.</summary>
public sealed class DevApiServerOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Serve plain HTTP instead of HTTPS.</summary>
    public bool PlainHttp { get; set; }

    /// <summary>Where to write a kubeconfig once the server is ready; null writes none.</summary>
    public string? KubeconfigPath { get; set; }

    /// <summary>Directory holding <c>ca.crt</c>/<c>ca.key</c> (and optionally <c>sa.key</c>) to reuse; generated when absent or null.</summary>
    public string? CertificateDirectory { get; set; }

    /// <summary>The admin bearer token (system:masters); random when null.</summary>
    public string? AdminToken { get; set; }

    /// <summary>Issuer (<c>iss</c>) of service account tokens.</summary>
    public string Issuer { get; set; } = "https://kubernetes.default.svc.cluster.local";

    /// <summary>Name of the context/cluster/user written to the kubeconfig.</summary>
    public string ContextName { get; set; } = "devapiserver";

    /// <summary>How many change events watches can resume from before getting 410 Gone.</summary>
    public int WatchHistorySize { get; set; } = 10_000;

    /// <summary>Events buffered for one watcher before it is closed as too slow.</summary>
    public int WatcherQueueSize { get; set; } = 10_000;

    /// <summary>Largest request body accepted (kube-apiserver's limit is 3 MiB).</summary>
    public long MaxRequestBodyBytes { get; set; } = 3 * 1024 * 1024;

    /// <summary>How often watches that allow bookmarks receive one.</summary>
    public TimeSpan BookmarkInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The uid of kube-system, which clients use as the cluster identity. Null derives it from the CA key, so it is
    /// stable across restarts that reuse <see cref="CertificateDirectory"/> and distinct between servers.
    /// </summary>
    public string? KubeSystemUid { get; set; }
}
