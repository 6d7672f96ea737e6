using System.Collections.Concurrent;
using System.Diagnostics;
using KubeBind.Queues.Listening;
using KubeBind.Testing;

namespace KubeBind.Queues.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class QueueListenerTests : IDisposable
{
    private const int IdleEvent = 4;
    private const int HandlerFailedEvent = 5;
    private const int RenewedEvent = 10;
    private const int StoppingEvent = 13;
    private const int ReleasedEvent = 14;

    private readonly QueueServiceClient _service;
    private readonly ListLogger<QueueListener> _logger = new();

    public QueueListenerTests(Azurite azurite) => _service = TestQueues.Service(azurite);

    public void Dispose() => _service.Dispose();

    [Fact]
    public async Task RunAsync_HandlesAndDeletesEveryMessage_WhenHandlerSucceeds()
    {
        var queue = await TestQueues.CreateAsync(_service);
        var expected = Enumerable.Range(0, 40).Select(i => $"message {i}").ToList();
        foreach (var text in expected)
        {
            await queue.SendMessageAsync(text);
        }

        var handled = new ConcurrentBag<string>();
        using var counters = new QueueCounters(queue.Name);
        await using var running = Start(queue.Name, (m, _) =>
        {
            handled.Add(m.Text);
            return Task.FromResult(QueueHandlerOutcome.Done);
        });

        await WaitFor.ConditionAsync(() => Task.FromResult(handled.Count >= expected.Count), "every message to be handled");
        await WaitFor.ConditionAsync(async () => (await queue.GetPropertiesAsync()).ApproximateMessageCount == 0, "every message to be deleted");
        Assert.Equal(expected.Order(), handled.Order());
        Assert.Equal(expected.Count, counters["processed"]);
    }

    [Fact]
    public async Task RunAsync_RunsABatchConcurrently_UpToTheBatchSize()
    {
        var queue = await TestQueues.CreateAsync(_service);
        for (var i = 0; i < 4; i++)
        {
            await queue.SendMessageAsync($"m{i}");
        }

        var running = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var listener = Start(queue.Name, async (_, _) =>
        {
            Interlocked.Increment(ref running);
            await release.Task;
            return QueueHandlerOutcome.Done;
        }, new QueueListenerOptions { BatchSize = 4 });

        await WaitFor.ConditionAsync(() => Task.FromResult(Volatile.Read(ref running) == 4), "four handlers to run at once");
        release.SetResult();
        await WaitFor.ConditionAsync(async () => (await queue.GetPropertiesAsync()).ApproximateMessageCount == 0, "the batch to be deleted");
    }

    [Fact]
    public async Task RunAsync_RetriesAFailingMessageAndThenPoisonsIt_WithoutRunningItAgain()
    {
        var queue = await TestQueues.CreateAsync(_service);
        await queue.SendMessageAsync("always fails");
        var tries = new ConcurrentQueue<long>();
        var sentinel = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var counters = new QueueCounters(queue.Name);
        await using var running = Start(queue.Name, (m, _) =>
        {
            if (m.Text == "sentinel")
            {
                sentinel.TrySetResult();
                return Task.FromResult(QueueHandlerOutcome.Done);
            }

            tries.Enqueue(m.DequeueCount);
            throw new InvalidOperationException("handler bug");
        }, new QueueListenerOptions { MaxDequeueCount = 3 });
        var poison = _service.GetQueueClient(running.Listener.PoisonQueueName);

        var poisoned = await WaitFor.ValueAsync(
            () => PeekFirstAsync(poison), "the message to reach the poison queue");
        await queue.SendMessageAsync("sentinel");
        await sentinel.Task.WaitAsync(WaitFor.DefaultTimeout);

        Assert.Equal("always fails", poisoned.Text);
        Assert.Equal([1L, 2L, 3L], tries);
        Assert.Equal(0, (await queue.GetPropertiesAsync()).ApproximateMessageCount);
        Assert.Equal(3, counters["failed"]);
        Assert.Equal(1, counters["poisoned"]);
        Assert.Equal(3, _logger.Count(HandlerFailedEvent));
    }

    [Fact]
    public async Task RunAsync_HidesAFailedMessage_ForTheVisibilityTimeout()
    {
        var queue = await TestQueues.CreateAsync(_service);
        await queue.SendMessageAsync("fails once");
        var calls = new ConcurrentQueue<(long DequeueCount, long Ticks)>();
        await using var running = Start(queue.Name, (m, _) =>
        {
            calls.Enqueue((m.DequeueCount, Stopwatch.GetTimestamp()));
            return m.DequeueCount == 1 ? throw new InvalidOperationException("transient") : Task.FromResult(QueueHandlerOutcome.Done);
        }, new QueueListenerOptions { VisibilityTimeout = TimeSpan.FromSeconds(2) });

        await WaitFor.ConditionAsync(() => Task.FromResult(calls.Count == 1), "the first try");
        await WaitFor.ConditionAsync(async () => (await queue.PeekMessagesAsync()).Count == 0, "the failed message to be hidden");
        await WaitFor.ConditionAsync(() => Task.FromResult(calls.Count == 2), "the retry");

        var (first, second) = (calls.First(), calls.Last());
        Assert.Equal(2, second.DequeueCount);
        Assert.True(Stopwatch.GetElapsedTime(first.Ticks, second.Ticks) >= TimeSpan.FromSeconds(1.5), "retried before the visibility timeout ended");
    }

    [Fact]
    public async Task RunAsync_PoisonsWithoutRunning_WhenReceivedMoreOftenThanMaxDequeueCount()
    {
        var queue = await TestQueues.CreateAsync(_service);
        await queue.SendMessageAsync("crashed its consumers");
        for (var i = 0; i < 3; i++)
        {
            // A consumer that crashed after receiving: the dequeue count grows without any settled try.
            var received = Assert.Single(await queue.ReceiveMessagesAsync());
            await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, TimeSpan.Zero);
        }

        var handled = new ConcurrentQueue<string>();
        await using var running = Start(queue.Name, (m, _) =>
        {
            handled.Enqueue(m.Text);
            return Task.FromResult(QueueHandlerOutcome.Done);
        }, new QueueListenerOptions { MaxDequeueCount = 2 });
        var poison = _service.GetQueueClient(running.Listener.PoisonQueueName);

        var poisoned = await WaitFor.ValueAsync(() => PeekFirstAsync(poison), "the message to reach the poison queue");
        await queue.SendMessageAsync("sentinel");
        await WaitFor.ConditionAsync(() => Task.FromResult(handled.Contains("sentinel")), "the sentinel to be handled");

        Assert.Equal("crashed its consumers", poisoned.Text);
        Assert.Equal(["sentinel"], handled);
    }

    [Fact]
    public async Task RunAsync_PoisonsWithoutRunning_WhenTextIsNotBase64()
    {
        var queue = await TestQueues.CreateAsync(_service);
        await queue.WithEncoding(QueueMessageEncoding.None).SendMessageAsync("not base64!");
        var handled = 0;
        await using var running = Start(queue.Name, (_, _) =>
        {
            Interlocked.Increment(ref handled);
            return Task.FromResult(QueueHandlerOutcome.Done);
        });
        var rawPoison = _service.GetQueueClient(running.Listener.PoisonQueueName, QueueMessageEncoding.None);

        var poisoned = await WaitFor.ValueAsync(() => PeekFirstAsync(rawPoison), "the message to reach the poison queue");

        Assert.Equal("not base64!", poisoned.Text);
        Assert.Equal(0, Volatile.Read(ref handled));
    }

    [Fact]
    public async Task RunAsync_DelaysTheMessage_WhenHandlerAsksToRequeueAfter()
    {
        var queue = await TestQueues.CreateAsync(_service);
        var original = await queue.SendMessageAsync("come back later");
        var calls = new ConcurrentQueue<(QueueMessage Message, long Ticks)>();
        await using var running = Start(queue.Name, (m, _) =>
        {
            calls.Enqueue((m, Stopwatch.GetTimestamp()));
            return Task.FromResult(calls.Count == 1 ? QueueHandlerOutcome.RequeueAfter(TimeSpan.FromSeconds(3)) : QueueHandlerOutcome.Done);
        });

        await WaitFor.ConditionAsync(() => Task.FromResult(calls.Count == 1), "the first run");
        await WaitFor.ConditionAsync(
            async () => (await queue.GetPropertiesAsync()).ApproximateMessageCount == 1 && (await queue.PeekMessagesAsync()).Count == 0,
            "the original to be replaced by a hidden copy");
        await WaitFor.ConditionAsync(() => Task.FromResult(calls.Count == 2), "the requeued copy to be handled");
        await WaitFor.ConditionAsync(async () => (await queue.GetPropertiesAsync()).ApproximateMessageCount == 0, "the copy to be deleted");

        var (first, second) = (calls.First(), calls.Last());
        Assert.Equal(original.MessageId, first.Message.MessageId);
        Assert.NotEqual(original.MessageId, second.Message.MessageId);
        Assert.Equal("come back later", second.Message.Text);
        Assert.Equal(1, second.Message.DequeueCount);
        Assert.True(Stopwatch.GetElapsedTime(first.Ticks, second.Ticks) >= TimeSpan.FromSeconds(2.5), "the copy came back before its delay");
    }

    [Fact]
    public async Task RunAsync_HandlesAMessage_WithinTheMaxPollingInterval_AfterALongIdlePeriod()
    {
        var queue = await TestQueues.CreateAsync(_service);
        var max = TimeSpan.FromSeconds(1);
        var handled = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var running = Start(queue.Name, (_, _) =>
        {
            handled.TrySetResult(Stopwatch.GetTimestamp());
            return Task.FromResult(QueueHandlerOutcome.Done);
        }, new QueueListenerOptions { MaxPollingInterval = max });

        // Idle long enough for the backoff to reach its cap and stay there for a few polls.
        await WaitFor.ConditionAsync(
            () => Task.FromResult(_logger.Entries.Count(e => e.EventId == IdleEvent && Equals(e.Values["Delay"], max)) >= 3),
            "the idle backoff to reach the max polling interval");
        var sent = Stopwatch.GetTimestamp();
        await queue.SendMessageAsync("after a long silence");
        var at = await handled.Task.WaitAsync(WaitFor.DefaultTimeout);

        Assert.InRange(Stopwatch.GetElapsedTime(sent, at), TimeSpan.Zero, max + TimeSpan.FromSeconds(1.5));
        Assert.DoesNotContain(_logger.Entries, e => e.EventId == IdleEvent && (TimeSpan)e.Values["Delay"]! > max);
    }

    [Fact]
    public async Task RunAsync_CreatesTheQueue_WhenItIsMissing()
    {
        var queue = _service.GetQueueClient(TestQueues.UniqueName("fresh"));
        var handled = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var running = Start(queue.Name, (m, _) =>
        {
            handled.TrySetResult(m.Text);
            return Task.FromResult(QueueHandlerOutcome.Done);
        });

        await WaitFor.ConditionAsync(async () => (await PeekIfExistsAsync(queue)) is not null, "the listener to create its queue");
        await queue.SendMessageAsync("first");

        Assert.Equal("first", await handled.Task.WaitAsync(WaitFor.DefaultTimeout));
    }

    [Fact]
    public async Task RunAsync_KeepsAMessageHidden_WhileItsHandlerRunsLongerThanTheInFlightVisibility()
    {
        var queue = await TestQueues.CreateAsync(_service);
        await queue.SendMessageAsync("slow");
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        await using var running = Start(queue.Name, async (_, _) =>
        {
            Interlocked.Increment(ref calls);
            await finish.Task;
            return QueueHandlerOutcome.Done;
        }, new QueueListenerOptions { InFlightVisibility = TimeSpan.FromSeconds(2) });

        // Three renewals a second apart: without them the message would have been visible again after 2 s.
        await WaitFor.ConditionAsync(() => Task.FromResult(_logger.Count(RenewedEvent) >= 3), "three visibility renewals");
        var visibleWhileRunning = await queue.PeekMessagesAsync();
        finish.SetResult();
        await WaitFor.ConditionAsync(async () => (await queue.GetPropertiesAsync()).ApproximateMessageCount == 0, "the message to be deleted");

        Assert.Empty(visibleWhileRunning);
        Assert.Equal(1, Volatile.Read(ref calls));
    }

    [Fact]
    public async Task RunAsync_LetsRunningHandlersFinish_WhenStoppedWithinTheGracePeriod()
    {
        var queue = await TestQueues.CreateAsync(_service);
        await queue.SendMessageAsync("finish me");
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = false;
        var running = Start(queue.Name, async (_, ct) =>
        {
            started.SetResult();
            await finish.Task;
            cancelled = ct.IsCancellationRequested;
            return QueueHandlerOutcome.Done;
        }, new QueueListenerOptions { ShutdownGracePeriod = TimeSpan.FromSeconds(30) });

        await started.Task.WaitAsync(WaitFor.DefaultTimeout);
        var stopping = running.StopAsync();
        await WaitFor.ConditionAsync(() => Task.FromResult(_logger.Count(StoppingEvent) == 1), "the listener to start stopping");
        finish.SetResult();
        await running.DisposeAsync();

        Assert.True(stopping.IsCompletedSuccessfully);
        Assert.False(cancelled);
        Assert.Equal(0, (await queue.GetPropertiesAsync()).ApproximateMessageCount);
    }

    [Fact]
    public async Task RunAsync_ReleasesAnUnfinishedMessage_SoAnotherListenerTakesItAtOnce()
    {
        var queue = await TestQueues.CreateAsync(_service);
        await queue.SendMessageAsync("hand me over");
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource<QueueHandlerOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = Start(queue.Name, (_, _) =>
        {
            // A handler that ignores cancellation: shutdown must not wait for it.
            started.TrySetResult();
            return never.Task;
        }, new QueueListenerOptions { ShutdownGracePeriod = TimeSpan.FromMilliseconds(200) });
        await started.Task.WaitAsync(WaitFor.DefaultTimeout);

        await first.DisposeAsync();
        var visibleAfterStop = await queue.PeekMessagesAsync();
        var taken = new TaskCompletionSource<QueueMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var second = Start(queue.Name, (m, _) =>
        {
            taken.TrySetResult(m);
            return Task.FromResult(QueueHandlerOutcome.Done);
        });
        var message = await taken.Task.WaitAsync(TimeSpan.FromSeconds(10));
        never.SetResult(QueueHandlerOutcome.Done);

        Assert.Single(visibleAfterStop);
        Assert.Equal("hand me over", message.Text);
        Assert.Equal(2, message.DequeueCount);
        Assert.Equal(1, _logger.Count(ReleasedEvent));
    }

    [Fact]
    public void Constructor_RejectsInvalidOptions_NamingEachProblem()
    {
        var options = new QueueListenerOptions { BatchSize = 33, MaxDequeueCount = 0 };

        var error = Assert.Throws<ArgumentException>(() => new QueueListener(_service, "jobs", (_, _) => Task.FromResult(QueueHandlerOutcome.Done), options));

        Assert.Contains("batchSize must be between 1 and 32, not 33", error.Message, StringComparison.Ordinal);
        Assert.Contains("maxDequeueCount must be at least 1, not 0", error.Message, StringComparison.Ordinal);
    }

    private RunningListener Start(string queueName, QueueMessageHandler handler, QueueListenerOptions? options = null) =>
        new(new QueueListener(_service, queueName, handler, options ?? new QueueListenerOptions(), _logger));

    private static async Task<PeekedMessage?> PeekFirstAsync(QueueClient queue) =>
        await PeekIfExistsAsync(queue) is [var first, ..] ? first : null;

    private static async Task<IReadOnlyList<PeekedMessage>?> PeekIfExistsAsync(QueueClient queue)
    {
        try
        {
            return await queue.PeekMessagesAsync();
        }
        catch (QueueStorageException e) when (e.IsQueueNotFound)
        {
            return null;
        }
    }
}
