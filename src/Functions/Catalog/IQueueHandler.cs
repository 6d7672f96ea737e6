namespace KubeBind.Functions.Catalog;

/// <summary>
/// A queue-triggered function's logic. Throwing fails the invocation: the message reappears after its visibility
/// timeout and goes to the poison queue after too many attempts. Expected states are results, not exceptions.
/// </summary>
public interface IQueueHandler
{
    /// <summary>Handles one message.</summary>
    Task<QueueResult> HandleAsync(QueueInvocation invocation, CancellationToken cancellationToken);
}
