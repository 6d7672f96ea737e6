using System.Collections.Concurrent;
using KubeBind.Kubernetes.Queue;
using KubeBind.Testing;

namespace KubeBind.Kubernetes.Tests.Queue;

public sealed class WorkerTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task RunWorkersAsync_ReportsErrorAndRequeuesRateLimited_WhenReconcileThrows()
    {
        var clock = new ManualTimeProvider();
        using var queue = new WorkQueue<string>(timeProvider: clock);
        using var cts = new CancellationTokenSource();
        var errors = new ConcurrentQueue<(string Key, Exception Error)>();
        var calls = 0;
        var retried = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = queue.RunWorkersAsync(
            workers: 4,
            (key, _) =>
            {
                if (Interlocked.Increment(ref calls) == 1)
                {
                    throw new InvalidOperationException("boom");
                }

                retried.TrySetResult();
                return Task.FromResult(ReconcileResult.Done);
            },
            (key, error) => errors.Enqueue((key, error)),
            cts.Token);

        queue.Add("ns/a");
        await WaitFor.ConditionAsync(() => Task.FromResult(queue.Delayed == 1 && queue.Processing == 0), "the failed key to wait for its backoff", Deadline);
        var requeuesAfterFailure = queue.NumRequeues("ns/a");
        clock.Advance(TimeSpan.FromMilliseconds(5));
        await retried.Task.WaitAsync(Deadline);
        await WaitFor.ConditionAsync(() => Task.FromResult(queue.NumRequeues("ns/a") == 0), "the succeeded key to be forgotten", Deadline);
        await cts.CancelAsync();
        await run.WaitAsync(Deadline);

        var (failedKey, failure) = Assert.Single(errors);
        Assert.Equal("ns/a", failedKey);
        Assert.Equal("boom", Assert.IsType<InvalidOperationException>(failure).Message);
        Assert.Equal(1, requeuesAfterFailure);
        Assert.Equal(2, calls);
        Assert.Equal(1, queue.Retries);
    }

    [Fact]
    public async Task RunWorkersAsync_RequeuesAfterDelay_WhenResultAsksForIt()
    {
        var clock = new ManualTimeProvider();
        using var queue = new WorkQueue<string>(timeProvider: clock);
        using var cts = new CancellationTokenSource();
        var calls = 0;
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = queue.RunWorkersAsync(
            workers: 2,
            (_, _) =>
            {
                if (Interlocked.Increment(ref calls) == 1)
                {
                    return Task.FromResult(ReconcileResult.RequeueAfter(TimeSpan.FromSeconds(30)));
                }

                second.TrySetResult();
                return Task.FromResult(ReconcileResult.Done);
            },
            (_, error) => Assert.Fail($"unexpected error {error}"),
            cts.Token);

        queue.Add("ns/a");
        await WaitFor.ConditionAsync(() => Task.FromResult(queue.Delayed == 1 && queue.Processing == 0), "the key to wait for its requeue", Deadline);
        clock.Advance(TimeSpan.FromSeconds(29));
        var callsBeforeDelay = Volatile.Read(ref calls);
        var delayedBeforeDelay = queue.Delayed;
        clock.Advance(TimeSpan.FromSeconds(1));
        await second.Task.WaitAsync(Deadline);
        await cts.CancelAsync();
        await run.WaitAsync(Deadline);

        Assert.Equal(1, callsBeforeDelay);
        Assert.Equal(1, delayedBeforeDelay);
        Assert.Equal(2, calls);
        Assert.Equal(0, queue.Retries);
    }

    [Fact]
    public async Task RunWorkersAsync_RequeuesRateLimited_WhenResultAsksForIt()
    {
        var clock = new ManualTimeProvider();
        using var queue = new WorkQueue<string>(timeProvider: clock);
        using var cts = new CancellationTokenSource();
        var calls = 0;
        var run = queue.RunWorkersAsync(
            workers: 1,
            (_, _) => Task.FromResult(Interlocked.Increment(ref calls) == 1 ? ReconcileResult.RequeueRateLimited : ReconcileResult.Done),
            (_, error) => Assert.Fail($"unexpected error {error}"),
            cts.Token);

        queue.Add("ns/a");
        await WaitFor.ConditionAsync(() => Task.FromResult(queue.Delayed == 1), "the key to back off", Deadline);
        clock.Advance(TimeSpan.FromMilliseconds(5));
        await WaitFor.ConditionAsync(() => Task.FromResult(Volatile.Read(ref calls) == 2 && queue.NumRequeues("ns/a") == 0), "the retry to succeed", Deadline);
        await cts.CancelAsync();
        await run.WaitAsync(Deadline);

        Assert.Equal(1, queue.Retries);
    }

    [Fact]
    public async Task RunWorkersAsync_Completes_WhenQueueShutsDown()
    {
        using var queue = new WorkQueue<string>();
        var reconciled = new ConcurrentBag<string>();
        var run = queue.RunWorkersAsync(
            workers: 3,
            (key, _) =>
            {
                reconciled.Add(key);
                return Task.FromResult(ReconcileResult.Done);
            },
            (_, error) => Assert.Fail($"unexpected error {error}"),
            CancellationToken.None);
        queue.Add("ns/a");
        queue.Add("ns/b");
        await WaitFor.ConditionAsync(() => Task.FromResult(reconciled.Count == 2), "both keys to be reconciled", Deadline);

        await queue.ShutDownWithDrainAsync().WaitAsync(Deadline);

        await run.WaitAsync(Deadline);
        Assert.Equal(["ns/a", "ns/b"], reconciled.Order());
    }
}
