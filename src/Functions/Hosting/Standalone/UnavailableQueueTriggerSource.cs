using KubeBind.Functions.Catalog;

namespace KubeBind.Functions.Hosting.Standalone;

/// <summary>The source until a queue listener is wired in: standalone mode refuses to pretend it listens.</summary>
internal sealed class UnavailableQueueTriggerSource : IQueueTriggerSource
{
    public Task RunAsync(FunctionDefinition function, QueueTrigger trigger, Func<QueueInvocation, CancellationToken, Task> handle, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"Function '{function.Name}' needs a listener on queue '{trigger.QueueName}', and this build has no queue listener; run it under the Functions host.");
}
