namespace KubeBind.Functions.Catalog;

/// <summary>What a queue handler asks of its host once the message is handled.</summary>
public sealed record QueueResult
{
    /// <summary>The message is done; delete it.</summary>
    public static QueueResult Done { get; } = new();

    /// <summary>When set, the host enqueues the same message again to become visible after this delay.</summary>
    public TimeSpan? RequeueAfter { get; init; }

    /// <summary>Done now, and look at the same key again after <paramref name="delay"/>.</summary>
    public static QueueResult After(TimeSpan delay) => new() { RequeueAfter = delay };
}
