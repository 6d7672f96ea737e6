namespace KubeBind.Queues.Listening;

/// <summary>
/// How a <see cref="QueueListener"/> polls and settles messages. The first six mirror host.json
/// <c>extensions.queues</c> of the Azure Functions queue trigger (see <see cref="HostJsonQueueSettings"/>).
/// </summary>
public sealed class QueueListenerOptions
{
    /// <summary>Messages fetched per poll, and so run concurrently (1-32; host.json <c>batchSize</c>, default 16).</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>Fetch the next batch once this few messages are still in flight (host.json <c>newBatchThreshold</c>; null: half the batch size).</summary>
    public int? NewBatchThreshold { get; set; }

    /// <summary>The longest wait between polls of an empty queue (host.json <c>maxPollingInterval</c>; the host's default is 1 min, ours 2 s).</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a failed message stays hidden before it is retried (host.json <c>visibilityTimeout</c>, default 0).</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.Zero;

    /// <summary>Tries before a failing message moves to <c>&lt;queue&gt;-poison</c> (host.json <c>maxDequeueCount</c>, default 5).</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>How message text is encoded on the wire (host.json <c>messageEncoding</c>, default base64).</summary>
    public QueueMessageEncoding MessageEncoding { get; set; } = QueueMessageEncoding.Base64;

    /// <summary>The first wait after an empty poll; it doubles up to <see cref="MaxPollingInterval"/> (the host uses 100 ms).</summary>
    public TimeSpan MinPollingInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a fetched message stays hidden while its handler runs; renewed at half of it (the host uses 10 min).</summary>
    public TimeSpan InFlightVisibility { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long shutdown waits for running handlers before it releases their messages to other instances.</summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The threshold in effect: <see cref="NewBatchThreshold"/>, or half the batch size.</summary>
    public int EffectiveNewBatchThreshold => NewBatchThreshold ?? (BatchSize / 2);

    /// <summary>Throws an <see cref="ArgumentException"/> listing every setting that is out of range.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        Check(BatchSize is >= 1 and <= QueueClient.MaxMessagesPerCall, $"batchSize must be between 1 and {QueueClient.MaxMessagesPerCall}, not {BatchSize}");
        Check(EffectiveNewBatchThreshold >= 0, $"newBatchThreshold must not be negative, not {NewBatchThreshold}");
        Check(MaxDequeueCount >= 1, $"maxDequeueCount must be at least 1, not {MaxDequeueCount}");
        Check(MinPollingInterval > TimeSpan.Zero, $"the minimum polling interval must be positive, not {MinPollingInterval}");
        Check(MaxPollingInterval >= MinPollingInterval, $"maxPollingInterval ({MaxPollingInterval}) must not be below the minimum polling interval ({MinPollingInterval})");
        Check(VisibilityTimeout >= TimeSpan.Zero && VisibilityTimeout <= TimeSpan.FromDays(7), $"visibilityTimeout must be between 0 and 7 days, not {VisibilityTimeout}");
        Check(InFlightVisibility >= TimeSpan.FromSeconds(2) && InFlightVisibility <= TimeSpan.FromDays(7), $"the in-flight visibility must be between 2 s and 7 days, not {InFlightVisibility}");
        Check(ShutdownGracePeriod >= TimeSpan.Zero, $"the shutdown grace period must not be negative, not {ShutdownGracePeriod}");
        if (problems.Count > 0)
        {
            throw new ArgumentException($"invalid queue listener settings: {string.Join("; ", problems)}");
        }

        void Check(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add(problem);
            }
        }
    }
}
