using KubeBind.Api.Queues;
using KubeBind.Kubernetes.Queue;
using KubeBind.WatchBridge.Metrics;
using KubeBind.WatchBridge.Routing;
using KubeBind.WatchBridge.Sending;

namespace KubeBind.WatchBridge.Bridge;

/// <summary>
/// Between routing and sending: items wait in a <see cref="WorkQueue{TKey}"/>, which holds each item once however
/// often it is added, so a burst of changes to one object while it waits becomes one message (with the latest cause).
/// Failed sends go back with the queue's rate limiter; nothing is dropped while the outbox runs.
/// </summary>
internal sealed class Outbox : IDisposable
{
    private readonly WorkQueue<QueueItem> _queue;
    private readonly IMessageSender _sender;
    private readonly BridgeMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    // Causes of items queued and not yet taken; an item is here exactly while one add of it is outstanding.
    private readonly Dictionary<QueueItem, MessageCause> _pending = [];

    public Outbox(IMessageSender sender, BridgeMetrics metrics, ILogger logger, IRateLimiter<QueueItem>? rateLimiter = null, TimeProvider? time = null)
    {
        _sender = sender;
        _metrics = metrics;
        _logger = logger;
        _queue = new WorkQueue<QueueItem>(rateLimiter, time);
    }

    /// <summary>Items waiting to be sent (ready, delayed for a retry, or being sent).</summary>
    public int Waiting
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count + _queue.Processing;
            }
        }
    }

    /// <summary>Queues an item, or — when it is already waiting — only updates the cause it will be sent with.</summary>
    public void Enqueue(RoutedItem routed)
    {
        lock (_lock)
        {
            if (_pending.ContainsKey(routed.Item))
            {
                _pending[routed.Item] = routed.Cause;
                _metrics.Coalesced(routed.Item.Target.Queue);
                return;
            }

            _pending[routed.Item] = routed.Cause;
            _queue.Add(routed.Item);
        }
    }

    /// <summary>Sends until cancelled or shut down, with <paramref name="workers"/> concurrent senders.</summary>
    public Task RunAsync(int workers, CancellationToken cancellationToken) =>
        _queue.RunWorkersAsync(workers, SendAsync, (item, e) => WatchBridgeLog.WorkerFailed(_logger, e, item.ToString()), cancellationToken);

    /// <summary>Stops taking items; what is still waiting is dropped (the next leader resyncs).</summary>
    public void ShutDown() => _queue.ShutDown();

    public void Dispose() => _queue.Dispose();

    private async Task<ReconcileResult> SendAsync(QueueItem item, CancellationToken cancellationToken)
    {
        MessageCause? cause;
        lock (_lock)
        {
            _pending.Remove(item, out cause);
        }

        if (cause is null)
        {
            // A late retry of an item a newer change already sent: the message went out after that change, nothing is owed.
            return ReconcileResult.Done;
        }

        try
        {
            await _sender.SendAsync(item.Target.Queue, item.MessageText(cause), cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            lock (_lock)
            {
                // A change that arrived meanwhile keeps its newer cause; either way the item is owed a message.
                _pending.TryAdd(item, cause);
            }

            _metrics.SendFailed(item.Target.Queue);
            WatchBridgeLog.SendFailed(_logger, e, item.Target.Queue, item.Object.ToString(), _queue.NumRequeues(item) + 1);
            return ReconcileResult.RequeueRateLimited;
        }

        _metrics.Sent(item.Target.Queue);
        WatchBridgeLog.Sent(_logger, item.Target.Queue, item.Object.ToString(), cause.Event, cause.Kind);
        return ReconcileResult.Done;
    }
}
