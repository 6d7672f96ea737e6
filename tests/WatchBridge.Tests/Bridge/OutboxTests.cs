using KubeBind.Api.Queues;
using KubeBind.Testing;
using KubeBind.WatchBridge.Bridge;
using KubeBind.WatchBridge.Routing;
using KubeBind.WatchBridge.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace KubeBind.WatchBridge.Tests.Bridge;

public sealed class OutboxTests : IDisposable
{
    private static readonly QueueItem Item = new(ReconcileTargets.ExportRequests, new ObjectName("contract-a", "widgets"));

    private readonly MetricsHarness _metrics = new();
    private readonly RecordingSender _sender = new();
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(30));

    [Fact]
    public async Task Enqueue_CoalescesChanges_WhileTheItemWaits()
    {
        using var outbox = new Outbox(_sender, _metrics.Metrics, NullLogger.Instance);
        var workers = outbox.RunAsync(1, _stop.Token);
        _sender.Hold();
        outbox.Enqueue(Routed("1"));
        await WaitFor.ConditionAsync(() => Task.FromResult(_sender.Blocked == 1), "the first send to wait at the gate");

        foreach (var version in new[] { "2", "3", "4", "5" })
        {
            outbox.Enqueue(Routed(version));
        }

        _sender.Release();
        await WaitFor.ConditionAsync(() => Task.FromResult(outbox.Waiting == 0 && _sender.Sent.Count == 2), "both messages to be sent");

        Assert.Equal(["1", "5"], _sender.Sent.Select(s => s.Message.Cause!.ResourceVersion).ToList());
        Assert.Equal(3, _metrics.Exporter.Read("kubebind.watchbridge.messages.coalesced"));
        Assert.Equal(2, _metrics.Exporter.Read("kubebind.watchbridge.messages.sent"));
        await StopAsync(outbox, workers);
    }

    [Fact]
    public async Task Send_RetriesUntilItSucceeds_WhenTheQueueFails()
    {
        using var outbox = new Outbox(_sender, _metrics.Metrics, NullLogger.Instance);
        _sender.FailNext(3);
        var workers = outbox.RunAsync(1, _stop.Token);

        outbox.Enqueue(Routed("1"));
        await WaitFor.ConditionAsync(() => Task.FromResult(outbox.Waiting == 0 && _sender.Sent.Count == 1), "the message to be sent after the failures");

        var (queue, message) = Assert.Single(_sender.Sent);
        Assert.Equal(QueueNames.ExportRequests, queue);
        Assert.Equal("widgets", message.Name);
        Assert.Equal(3, _metrics.Exporter.Read("kubebind.watchbridge.send.failures"));
        await StopAsync(outbox, workers);
    }

    [Fact]
    public async Task Send_SendsOnlyTheNewerCause_WhenAChangeArrivesDuringAFailedSend()
    {
        using var outbox = new Outbox(_sender, _metrics.Metrics, NullLogger.Instance);
        var workers = outbox.RunAsync(1, _stop.Token);
        _sender.Hold();
        _sender.FailNext(1);
        outbox.Enqueue(Routed("1"));
        await WaitFor.ConditionAsync(() => Task.FromResult(_sender.Blocked == 1), "the first send to wait at the gate");

        outbox.Enqueue(Routed("2"));
        _sender.Release();
        await WaitFor.ConditionAsync(() => Task.FromResult(outbox.Waiting == 0 && _sender.Sent.Count == 1), "the newer message to be sent");

        Assert.Equal("2", Assert.Single(_sender.Sent).Message.Cause!.ResourceVersion);
        await StopAsync(outbox, workers);
    }

    [Fact]
    public async Task ShutDown_StopsSending_WhenItemsAreStillWaiting()
    {
        var outbox = new Outbox(_sender, _metrics.Metrics, NullLogger.Instance);
        var workers = outbox.RunAsync(1, _stop.Token);
        _sender.Hold();
        outbox.Enqueue(Routed("1"));
        await WaitFor.ConditionAsync(() => Task.FromResult(_sender.Blocked == 1), "the send to wait at the gate");

        outbox.ShutDown();
        await _stop.CancelAsync();
        await workers.WaitAsync(TimeSpan.FromSeconds(10));
        outbox.Enqueue(Routed("2"));
        _sender.Release();

        Assert.Empty(_sender.Sent);
        outbox.Dispose();
    }

    public void Dispose()
    {
        _stop.Dispose();
        _metrics.Dispose();
    }

    private static RoutedItem Routed(string resourceVersion) => new(
        Item,
        new MessageCause { Event = MessageEvents.Modified, Kind = "APIServiceExportRequest", Namespace = "contract-a", Name = "widgets", ResourceVersion = resourceVersion });

    private async Task StopAsync(Outbox outbox, Task workers)
    {
        outbox.ShutDown();
        await _stop.CancelAsync();
        await workers.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
