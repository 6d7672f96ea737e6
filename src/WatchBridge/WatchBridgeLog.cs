namespace KubeBind.WatchBridge;

/// <summary>The bridge's log lines, with stable event ids.</summary>
internal static partial class WatchBridgeLog
{
    [LoggerMessage(1, LogLevel.Information, "{Identity} leads through Lease {Namespace}/{Name}; starting the informers")]
    public static partial void Leading(ILogger logger, string identity, string @namespace, string name);

    [LoggerMessage(2, LogLevel.Information, "{Leader} holds the lease (this bridge is {Identity})")]
    public static partial void NewLeader(ILogger logger, string leader, string identity);

    [LoggerMessage(3, LogLevel.Error, "A leadership term failed; standing again")]
    public static partial void TermFailed(ILogger logger, Exception exception);

    [LoggerMessage(4, LogLevel.Warning, "Watching {Kind} failed; the informer backs off and retries")]
    public static partial void InformerFailed(ILogger logger, Exception exception, string kind);

    [LoggerMessage(5, LogLevel.Error, "Routing a change to {Kind} {Key} failed; the next resync covers it")]
    public static partial void RouteFailed(ILogger logger, Exception exception, string kind, string key);

    [LoggerMessage(6, LogLevel.Information, "{Reason} resync enqueued {Count} objects")]
    public static partial void Resynced(ILogger logger, string reason, int count);

    [LoggerMessage(7, LogLevel.Debug, "Sent {Queue} {Key} ({Event} {Kind})")]
    public static partial void Sent(ILogger logger, string queue, string key, string @event, string kind);

    [LoggerMessage(8, LogLevel.Warning, "Sending {Queue} {Key} failed (attempt {Attempt}); retrying with backoff")]
    public static partial void SendFailed(ILogger logger, Exception exception, string queue, string key, int attempt);

    [LoggerMessage(9, LogLevel.Error, "A send worker failed on {Item}; the item is retried")]
    public static partial void WorkerFailed(ILogger logger, Exception exception, string item);
}
