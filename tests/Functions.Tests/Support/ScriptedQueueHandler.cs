using System.Collections.Concurrent;
using KubeBind.Api.Queues;
using KubeBind.Functions.Catalog;

namespace KubeBind.Functions.Tests.Support;

/// <summary>
/// A test queue function whose behaviour the message picks by its name: <c>fail</c> throws, <c>requeue</c> asks to
/// look again in 30 s, <c>requeue-now</c> at once, anything else completes. Every delivery is recorded.
/// </summary>
internal sealed class ScriptedQueueHandler(InvocationRecorder recorder) : IQueueHandler
{
    public const string FunctionName = "TestQueue";
    public const string QueueName = "kubebind-test";
    public static readonly TimeSpan RequeueDelay = TimeSpan.FromSeconds(30);

    public static FunctionDefinition Definition { get; } = FunctionDefinition.Queue<ScriptedQueueHandler>(FunctionName, QueueName);

    public Task<QueueResult> HandleAsync(QueueInvocation invocation, CancellationToken cancellationToken)
    {
        recorder.Invocations.Enqueue(invocation);
        return ReconcileMessage.Parse(invocation.MessageText).Name switch
        {
            "fail" => throw new InvalidOperationException("scripted failure"),
            "requeue" => Task.FromResult(QueueResult.After(RequeueDelay)),
            "requeue-now" => Task.FromResult(QueueResult.After(TimeSpan.Zero)),
            _ => Task.FromResult(QueueResult.Done),
        };
    }
}

/// <summary>The deliveries <see cref="ScriptedQueueHandler"/> saw.</summary>
internal sealed class InvocationRecorder
{
    public ConcurrentQueue<QueueInvocation> Invocations { get; } = new();
}
