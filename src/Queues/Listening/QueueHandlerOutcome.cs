namespace KubeBind.Queues.Listening;

/// <summary>What a handler asks the listener to do with a message it handled without throwing.</summary>
public sealed record QueueHandlerOutcome
{
    private QueueHandlerOutcome(TimeSpan? requeueDelay) => RequeueDelay = requeueDelay;

    /// <summary>The message is handled: delete it.</summary>
    public static QueueHandlerOutcome Done { get; } = new((TimeSpan?)null);

    /// <summary>The delay before the message's copy becomes visible; null for <see cref="Done"/>.</summary>
    public TimeSpan? RequeueDelay { get; }

    /// <summary>
    /// Handle the message again after <paramref name="delay"/> (at most 7 days) with a fresh dequeue count: a copy is
    /// put with that visibility delay, then the original is deleted.
    /// </summary>
    public static QueueHandlerOutcome RequeueAfter(TimeSpan delay) =>
        delay >= TimeSpan.Zero && delay <= TimeSpan.FromDays(7)
            ? new QueueHandlerOutcome(delay)
            : throw new ArgumentOutOfRangeException(nameof(delay), delay, "a requeue delay must be between 0 and 7 days");
}
