namespace KubeBind.Functions.Bench;

/// <summary>The figures of one export-request run.</summary>
internal sealed record LatencyRun
{
    /// <summary><c>idle</c>, <c>sequential</c> or <c>burst</c>.</summary>
    public required string Mode { get; init; }

    /// <summary>How the function app ran (<see cref="FunctionsSetup.Label"/>): which host.json, whether its client was rate limited.</summary>
    public required string Setup { get; init; }

    /// <summary>Create call returned → Succeeded seen on the watch.</summary>
    public required Latencies Total { get; init; }

    /// <summary>Create call returned → the bridge's first message for the request accepted by the queue.</summary>
    public Latencies? UntilQueued { get; init; }

    /// <summary>That message accepted → Succeeded seen: the listener's wait and receive, the reconcile, the status write, the watch.</summary>
    public Latencies? QueuedUntilSucceeded { get; init; }

    /// <summary>First create → last Succeeded.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>First create → every follow-up message handled (to within the settle check's 200 ms), when the app is idle again.</summary>
    public required TimeSpan Drained { get; init; }

    /// <summary>Messages the bridge sent per request, counting the reconciler's own writes coming back.</summary>
    public required double MessagesPerRequest { get; init; }

    /// <summary>Function invocations per request.</summary>
    public required double InvocationsPerRequest { get; init; }

    public double PerSecond => Total.Count / Elapsed.TotalSeconds;
}
