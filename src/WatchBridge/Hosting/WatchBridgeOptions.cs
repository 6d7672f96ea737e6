namespace KubeBind.WatchBridge.Hosting;

/// <summary>The bridge's settings, bound from the configuration root (<c>--Kubernetes:Kubeconfig=…</c>, <c>AzureWebJobsStorage</c>, …).</summary>
internal sealed class WatchBridgeOptions
{
    /// <summary>The development-storage connection string: Azurite on its default ports.</summary>
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    /// <summary>Which provider cluster to watch.</summary>
    public KubernetesConnectionOptions Kubernetes { get; set; } = new();

    /// <summary>The Storage account holding the queues, as a connection string (the Functions host's setting of the same name).</summary>
    public string AzureWebJobsStorage { get; set; } = DevelopmentStorage;

    /// <summary>How often the leader enqueues every reconcilable object again, so a lost message costs at most this long.</summary>
    public TimeSpan ResyncPeriod { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The Lease that keeps one bridge active.</summary>
    public LeaseOptions Lease { get; set; } = new();

    /// <summary>Where <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c> are served (plain HTTP; port 0 picks a free one).</summary>
    public string HealthUrl { get; set; } = "http://127.0.0.1:8090";

    /// <summary>Concurrent senders.</summary>
    public int Workers { get; set; } = 4;
}
