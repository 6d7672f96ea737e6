using KubeBind.Functions.Catalog;

namespace KubeBind.EndToEnd.Tests;

/// <summary>A queue function whose handler always fails, to watch the retries and the poison queue of the real host.</summary>
internal sealed class ThrowingHandler : IQueueHandler
{
    public const string FunctionName = "AlwaysFails";

    public const string QueueName = "kubebind-e2e-alwaysfails";

    private static int s_invocations;

    public static int Invocations => Volatile.Read(ref s_invocations);

    public Task<QueueResult> HandleAsync(QueueInvocation invocation, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref s_invocations);
        throw new InvalidOperationException($"{FunctionName} fails on purpose (delivery {invocation.DequeueCount}).");
    }
}
