using System.Collections.Concurrent;
using KubeBind.Kubernetes.Queue;
using KubeBind.Testing;

namespace KubeBind.Kubernetes.Tests.Queue;

public sealed class WorkQueueTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public void Add_QueuesKeyOnce_WhenAddedWhileQueued()
    {
        using var queue = new WorkQueue<string>();

        queue.Add("ns/a");
        queue.Add("ns/a");
        queue.Add("ns/b");

        Assert.Equal(2, queue.Length);
        Assert.Equal(2, queue.Adds);
    }

    [Fact]
    public async Task TakeAsync_ReturnsReadyKeysInFifoOrder_WhenSeveralAreQueued()
    {
        using var queue = new WorkQueue<string>();
        queue.Add("ns/c");
        queue.Add("ns/a");
        queue.Add("ns/b");
        queue.Add("ns/c");

        var taken = new[] { await TakeAsync(queue), await TakeAsync(queue), await TakeAsync(queue) };

        Assert.Equal(["ns/c", "ns/a", "ns/b"], taken);
        Assert.Equal(3, queue.Processing);
    }

    [Fact]
    public async Task Done_RequeuesKey_WhenAddedWhileProcessing()
    {
        using var queue = new WorkQueue<string>();
        queue.Add("ns/a");
        var key = await TakeAsync(queue);

        queue.Add("ns/a");
        queue.Add("ns/a");
        var takenWhileProcessing = queue.TryTake(out _);
        queue.Done(key);

        Assert.False(takenWhileProcessing);
        Assert.Equal(1, queue.Length);
        Assert.Equal("ns/a", await TakeAsync(queue));
    }

    [Fact]
    public async Task Done_DoesNotRequeueKey_WhenNotAddedWhileProcessing()
    {
        using var queue = new WorkQueue<string>();
        queue.Add("ns/a");
        var key = await TakeAsync(queue);

        queue.Done(key);

        Assert.Equal(0, queue.Length);
        Assert.Equal(0, queue.Processing);
    }

    [Fact]
    public async Task Add_HandsKeyToWaitingTaker_WhenQueueWasEmpty()
    {
        using var queue = new WorkQueue<string>();
        var take = queue.TakeAsync().AsTask();
        Assert.False(take.IsCompleted);

        queue.Add("ns/a");

        Assert.Equal("ns/a", await take.WaitAsync(Deadline));
        Assert.Equal(0, queue.Length);
        Assert.Equal(1, queue.Processing);
    }

    [Fact]
    public async Task TakeAsync_NeverHandsOneKeyToTwoWorkers_UnderConcurrentAddsAndWorkers()
    {
        const int Keys = 32;
        const int Producers = 8;
        const int AddsPerProducer = 4000;
        using var queue = new WorkQueue<string>();
        var names = Enumerable.Range(0, Keys).Select(i => $"ns/object-{i}").ToArray();
        var index = names.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i);
        var versions = new long[Keys];
        var seen = new long[Keys];
        var active = new ConcurrentDictionary<string, byte>();
        var overlaps = 0;

        async Task WorkAsync()
        {
            while (true)
            {
                string key;
                try
                {
                    key = await queue.TakeAsync();
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                if (!active.TryAdd(key, 0))
                {
                    Interlocked.Increment(ref overlaps);
                }

                var i = index[key];
                var version = Volatile.Read(ref versions[i]);
                await Task.Yield();
                Volatile.Write(ref seen[i], Math.Max(Volatile.Read(ref seen[i]), version));
                active.TryRemove(key, out _);
                queue.Done(key);
            }
        }

        var workers = Enumerable.Range(0, 16).Select(_ => Task.Run(WorkAsync)).ToArray();
        var producers = Enumerable.Range(0, Producers).Select(p => Task.Run(async () =>
        {
            for (var n = 0; n < AddsPerProducer; n++)
            {
                var i = (n * 7 + p) % Keys;
                Interlocked.Increment(ref versions[i]);
                queue.Add(names[i]);
                if (n % 4 == 0)
                {
                    // Interleave with the workers so keys are often added while they are processing.
                    await Task.Yield();
                }
            }
        })).ToArray();
        await Task.WhenAll(producers).WaitAsync(Deadline);

        await WaitFor.ConditionAsync(
            () => Task.FromResult(Enumerable.Range(0, Keys).All(i => Volatile.Read(ref seen[i]) == Volatile.Read(ref versions[i]))),
            "every key to be processed at its latest version",
            Deadline);
        queue.ShutDown();
        await Task.WhenAll(workers).WaitAsync(Deadline);

        Assert.Equal(0, overlaps);
        Assert.Equal(0, queue.Processing);
    }

    [Fact]
    public async Task AddAfter_QueuesKey_OnlyOnceTheDelayHasPassed()
    {
        var clock = new ManualTimeProvider();
        using var queue = new WorkQueue<string>(timeProvider: clock);
        var take = queue.TakeAsync().AsTask();

        queue.AddAfter("ns/a", TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromMilliseconds(999));
        var readyEarly = take.IsCompleted;
        var delayedEarly = queue.Delayed;
        clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.False(readyEarly);
        Assert.Equal(1, delayedEarly);
        Assert.Equal("ns/a", await take.WaitAsync(Deadline));
        Assert.Equal(0, queue.Delayed);
    }

    [Fact]
    public void AddAfter_UsesEarliestDeadline_WhenKeyIsAddedAgain()
    {
        var clock = new ManualTimeProvider();
        using var queue = new WorkQueue<string>(timeProvider: clock);

        queue.AddAfter("ns/sooner", TimeSpan.FromSeconds(10));
        queue.AddAfter("ns/sooner", TimeSpan.FromSeconds(2));
        queue.AddAfter("ns/kept", TimeSpan.FromSeconds(1));
        queue.AddAfter("ns/kept", TimeSpan.FromSeconds(5));
        clock.Advance(TimeSpan.FromSeconds(1));
        var afterOne = Drain(queue);
        clock.Advance(TimeSpan.FromSeconds(1));
        var afterTwo = Drain(queue);
        clock.Advance(TimeSpan.FromSeconds(10));
        var afterTwelve = Drain(queue);

        Assert.Equal(["ns/kept"], afterOne);
        Assert.Equal(["ns/sooner"], afterTwo);
        Assert.Empty(afterTwelve);
        Assert.Equal(0, queue.Delayed);
    }

    [Fact]
    public void AddAfter_AddsImmediately_WhenDelayIsNotPositive()
    {
        var clock = new ManualTimeProvider();
        using var queue = new WorkQueue<string>(timeProvider: clock);

        queue.AddAfter("ns/a", TimeSpan.Zero);

        Assert.Equal(1, queue.Length);
        Assert.Equal(0, clock.ArmedTimers);
    }

    [Fact]
    public void AddRateLimited_BacksOffExponentially_UntilForgotten()
    {
        var clock = new ManualTimeProvider();
        using var queue = new WorkQueue<string>(timeProvider: clock);

        var first = ReadyAfter(queue, clock, "ns/a");
        var second = ReadyAfter(queue, clock, "ns/a");
        var third = ReadyAfter(queue, clock, "ns/a");
        var requeues = queue.NumRequeues("ns/a");
        queue.Forget("ns/a");
        var afterForget = ReadyAfter(queue, clock, "ns/a");

        Assert.Equal([5, 10, 20], new[] { first, second, third });
        Assert.Equal(3, requeues);
        Assert.Equal(5, afterForget);
        Assert.Equal(4, queue.Retries);
        Assert.Equal(1, queue.NumRequeues("ns/a"));
    }

    [Fact]
    public async Task ShutDown_FailsWaitingTakers_AndIgnoresLaterAdds()
    {
        using var queue = new WorkQueue<string>();
        var take = queue.TakeAsync().AsTask();

        queue.ShutDown();
        queue.Add("ns/a");
        queue.AddRateLimited("ns/b");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => take.WaitAsync(Deadline));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queue.TakeAsync().AsTask().WaitAsync(Deadline));
        Assert.True(queue.IsShuttingDown);
        Assert.Equal(0, queue.Length);
        Assert.Equal(0, queue.Retries);
    }

    [Fact]
    public async Task ShutDown_StillHandsOutKeysQueuedBefore()
    {
        using var queue = new WorkQueue<string>();
        queue.Add("ns/a");

        queue.ShutDown();

        Assert.Equal("ns/a", await TakeAsync(queue));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queue.TakeAsync().AsTask().WaitAsync(Deadline));
    }

    [Fact]
    public void ShutDown_DropsDelayedKeysAndDisposesTheTimer()
    {
        var clock = new ManualTimeProvider();
        var queue = new WorkQueue<string>(timeProvider: clock);
        queue.AddAfter("ns/a", TimeSpan.FromSeconds(1));
        var armedBefore = clock.ArmedTimers;

        queue.ShutDown();
        clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(1, armedBefore);
        Assert.Equal(0, clock.ArmedTimers);
        Assert.Equal(0, queue.Delayed);
        Assert.Equal(0, queue.Length);
    }

    [Fact]
    public async Task ShutDownWithDrainAsync_CompletesOnlyAfterKeysInFlightAreDone()
    {
        using var queue = new WorkQueue<string>();
        queue.Add("ns/a");
        queue.Add("ns/b");
        var a = await TakeAsync(queue);
        var b = await TakeAsync(queue);

        var drain = queue.ShutDownWithDrainAsync();
        queue.Done(a);
        var drainedAfterOne = drain.IsCompleted;
        queue.Done(b);

        Assert.False(drainedAfterOne);
        await drain.WaitAsync(Deadline);
        Assert.True(queue.IsShuttingDown);
    }

    [Fact]
    public async Task ShutDownWithDrainAsync_CompletesAtOnce_WhenNothingIsInFlight()
    {
        using var queue = new WorkQueue<string>();

        await queue.ShutDownWithDrainAsync().WaitAsync(Deadline);

        Assert.True(queue.IsShuttingDown);
    }

    [Fact]
    public async Task TakeAsync_ThrowsAndLosesNoKey_WhenCancelled()
    {
        using var queue = new WorkQueue<string>();
        using var cts = new CancellationTokenSource();
        var take = queue.TakeAsync(cts.Token).AsTask();

        await cts.CancelAsync();
        queue.Add("ns/a");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => take.WaitAsync(Deadline));
        Assert.False(queue.IsShuttingDown);
        Assert.Equal("ns/a", await TakeAsync(queue));
    }

    private static Task<string> TakeAsync(WorkQueue<string> queue) => queue.TakeAsync().AsTask().WaitAsync(Deadline);

    private static List<string> Drain(WorkQueue<string> queue)
    {
        var keys = new List<string>();
        while (queue.TryTake(out var key))
        {
            keys.Add(key);
            queue.Done(key);
        }

        return keys;
    }

    /// <summary>Rate-limits <paramref name="key"/> and advances the clock a millisecond at a time until it is ready; returns the milliseconds waited.</summary>
    private static int ReadyAfter(WorkQueue<string> queue, ManualTimeProvider clock, string key)
    {
        queue.AddRateLimited(key);
        for (var waited = 0; waited <= 1000; waited++)
        {
            if (queue.TryTake(out var taken))
            {
                Assert.Equal(key, taken);
                queue.Done(taken);
                return waited;
            }

            clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        throw new TimeoutException($"{key} was not ready within 1000 ms of clock time");
    }
}
