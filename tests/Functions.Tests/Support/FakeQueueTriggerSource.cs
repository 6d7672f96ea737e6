using System.Collections.Concurrent;
using KubeBind.Functions.Catalog;
using KubeBind.Functions.Hosting.Standalone;

namespace KubeBind.Functions.Tests.Support;

/// <summary>A queue listener stand-in: remembers each function's callback so a test can deliver messages by hand.</summary>
internal sealed class FakeQueueTriggerSource : IQueueTriggerSource
{
    public ConcurrentDictionary<string, Func<QueueInvocation, CancellationToken, Task>> Handlers { get; } = new();

    public async Task RunAsync(FunctionDefinition function, QueueTrigger trigger, Func<QueueInvocation, CancellationToken, Task> handle, CancellationToken cancellationToken)
    {
        Handlers[function.Name] = handle;
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }
}
