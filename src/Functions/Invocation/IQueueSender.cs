namespace KubeBind.Functions.Invocation;

/// <summary>
/// Puts a message on a Storage queue. Queue handlers' <see cref="Catalog.QueueResult.RequeueAfter"/> goes through it,
/// because a queue output binding cannot delay a message; the KubeBind.Queues client implements it.
/// </summary>
internal interface IQueueSender
{
    /// <summary>
    /// Enqueues <paramref name="messageText"/> (as the trigger will hand it to a handler; the sender applies the
    /// queue's message encoding) to become visible after <paramref name="visibilityDelay"/>.
    /// </summary>
    Task SendAsync(string queueName, string messageText, TimeSpan visibilityDelay, CancellationToken cancellationToken);
}
