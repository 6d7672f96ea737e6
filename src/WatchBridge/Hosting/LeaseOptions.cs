namespace KubeBind.WatchBridge.Hosting;

/// <summary>The leader-election Lease; the timings default to client-go's.</summary>
internal sealed class LeaseOptions
{
    /// <summary>The Lease's namespace; it must exist.</summary>
    public string Namespace { get; set; } = "kube-system";

    /// <summary>The Lease's name, shared by every replica of one bridge.</summary>
    public string Name { get; set; } = "kube-bind-watchbridge";

    /// <summary>How long standbys wait after the last renewal before taking over.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader keeps trying to renew before it stops sending; less than <see cref="Duration"/>.</summary>
    public TimeSpan RenewDeadline { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often candidates try to acquire and the leader renews.</summary>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromSeconds(2);
}
