using System.Diagnostics.Metrics;

namespace KubeBind.Queues.Listening;

/// <summary>The listener's counters, tagged with the queue name.</summary>
internal sealed class QueueListenerMetrics
{
    public const string MeterName = "KubeBind.Queues";

    // Without an IMeterFactory (outside a host) the counters still exist, on one shared meter.
    private static readonly Meter SharedMeter = new(MeterName);

    private readonly Counter<long> _processed;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _poisoned;
    private readonly KeyValuePair<string, object?> _queue;

    public QueueListenerMetrics(IMeterFactory? meterFactory, string queueName)
    {
        var meter = meterFactory?.Create(MeterName) ?? SharedMeter;
        _processed = meter.CreateCounter<long>("kubebind.queue.messages.processed", "{message}", "Messages whose handler completed (done or requeued).");
        _failed = meter.CreateCounter<long>("kubebind.queue.messages.failed", "{message}", "Handler runs that threw.");
        _poisoned = meter.CreateCounter<long>("kubebind.queue.messages.poisoned", "{message}", "Messages moved to the poison queue.");
        _queue = new("queue", queueName);
    }

    public void Processed() => _processed.Add(1, _queue);

    public void Failed() => _failed.Add(1, _queue);

    public void Poisoned() => _poisoned.Add(1, _queue);
}
