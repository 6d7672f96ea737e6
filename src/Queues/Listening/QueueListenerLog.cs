using Microsoft.Extensions.Logging;

namespace KubeBind.Queues.Listening;

/// <summary>The listener's log lines, with stable event ids.</summary>
internal static partial class QueueListenerLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Listening on queue {Queue} (batch size {BatchSize}, new batch threshold {NewBatchThreshold}, max dequeue count {MaxDequeueCount})")]
    public static partial void Started(ILogger logger, string queue, int batchSize, int newBatchThreshold, int maxDequeueCount);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Created queue {Queue}")]
    public static partial void QueueCreated(ILogger logger, string queue);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Queue {Queue} is unavailable; polling again in {Delay}")]
    public static partial void StorageUnavailable(ILogger logger, Exception exception, string queue, TimeSpan delay);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Queue {Queue} is empty; polling again in {Delay}")]
    public static partial void Idle(ILogger logger, string queue, TimeSpan delay);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Handler failed for message {MessageId} of queue {Queue} on try {DequeueCount} of {MaxDequeueCount}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string messageId, string queue, long dequeueCount, int maxDequeueCount);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Moved message {MessageId} of queue {Queue} to {PoisonQueue} after {DequeueCount} tries")]
    public static partial void Poisoned(ILogger logger, string messageId, string queue, string poisonQueue, long dequeueCount);

    [LoggerMessage(EventId = 7, Level = LogLevel.Error, Message = "Message {MessageId} of queue {Queue} was received {DequeueCount} times, more than {MaxDequeueCount}; moving it to {PoisonQueue} without running the handler")]
    public static partial void PoisonedUnrun(ILogger logger, string messageId, string queue, long dequeueCount, int maxDequeueCount, string poisonQueue);

    [LoggerMessage(EventId = 8, Level = LogLevel.Error, Message = "Message {MessageId} of queue {Queue} is not valid {Encoding} text; moving it to {PoisonQueue} without running the handler")]
    public static partial void Undecodable(ILogger logger, string messageId, string queue, QueueMessageEncoding encoding, string poisonQueue);

    [LoggerMessage(EventId = 9, Level = LogLevel.Debug, Message = "Requeued message {MessageId} of queue {Queue} as {NewMessageId}, visible in {Delay}")]
    public static partial void Requeued(ILogger logger, string messageId, string queue, string newMessageId, TimeSpan delay);

    [LoggerMessage(EventId = 10, Level = LogLevel.Debug, Message = "Renewed the visibility of message {MessageId} of queue {Queue} until {NextVisibleOn}")]
    public static partial void Renewed(ILogger logger, string messageId, string queue, DateTimeOffset nextVisibleOn);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Could not renew the visibility of message {MessageId} of queue {Queue}; another instance may receive it too")]
    public static partial void RenewFailed(ILogger logger, Exception exception, string messageId, string queue);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Could not settle message {MessageId} of queue {Queue}; it reappears when its visibility timeout ends")]
    public static partial void SettleFailed(ILogger logger, Exception exception, string messageId, string queue);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "Stopping the listener on queue {Queue}; waiting up to {GracePeriod} for {Count} running handlers")]
    public static partial void Stopping(ILogger logger, string queue, TimeSpan gracePeriod, int count);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "Released message {MessageId} of queue {Queue} whose handler did not finish within the shutdown grace period")]
    public static partial void Released(ILogger logger, string messageId, string queue);

    [LoggerMessage(EventId = 15, Level = LogLevel.Information, Message = "Stopped the listener on queue {Queue}")]
    public static partial void Stopped(ILogger logger, string queue);
}
