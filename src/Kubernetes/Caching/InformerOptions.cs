namespace KubeBind.Kubernetes.Caching;

/// <summary>What an informer watches and how often it resyncs.</summary>
public sealed record InformerOptions
{
    /// <summary>One namespace, or null for all namespaces / cluster-scoped objects.</summary>
    public string? Namespace { get; init; }

    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    /// <summary>How often every cached object is redelivered as an Updated resync event; null disables resync.</summary>
    public TimeSpan? ResyncPeriod { get; init; }

    /// <summary>Page size of the initial and recovery lists.</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>Longest wait between attempts after list or watch failures (other than 410, which relists at once).</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);
}
