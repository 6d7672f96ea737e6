namespace KubeBind.Queues.Listening;

/// <summary>
/// Handles one message. Throwing fails this try: the message reappears after the visibility timeout and moves to the
/// poison queue after the last try. The token fires when shutdown's grace period ends.
/// </summary>
public delegate Task<QueueHandlerOutcome> QueueMessageHandler(QueueMessage message, CancellationToken cancellationToken);
