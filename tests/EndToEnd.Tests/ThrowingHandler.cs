using KubeBind.Functions.Catalog;

namespace KubeBind.EndToEnd.Tests;

/// <summary>A queue function whose handler always fails, to watch the retries and the poison queue of the real host.</summary>
internal sealed class ThrowingHandler : IQueueHandler
{
    public const string FunctionName = "AlwaysFails";

    public const string QueueName = "kubebind-e2e-alwaysfails";

    private static int _invocations;

    public static int Invocations => Volatile.Read(ref _invocations);

    public Task<QueueResult> HandleAsync(QueueInvocation invocation, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _invocations);
        throw new InvalidOperationException($"{FunctionName} fails on purpose (delivery {invocation.DequeueCount}).");
    }
}
