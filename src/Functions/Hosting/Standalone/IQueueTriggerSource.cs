using KubeBind.Functions.Catalog;

namespace KubeBind.Functions.Hosting.Standalone;

/// <summary>
/// Standalone mode's stand-in for the Functions host's queue trigger: receives a queue's messages and hands each to
/// <c>handle</c> with the trigger's semantics (host.json's polling, batch size and visibility timeout; a message
/// whose handling throws reappears, and goes to the poison queue after <c>maxDequeueCount</c> deliveries).
/// </summary>
internal interface IQueueTriggerSource
{
    /// <summary>Delivers <paramref name="trigger"/>'s queue to <paramref name="handle"/> until cancelled.</summary>
    Task RunAsync(FunctionDefinition function, QueueTrigger trigger, Func<QueueInvocation, CancellationToken, Task> handle, CancellationToken cancellationToken);
}
