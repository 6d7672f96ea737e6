using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace KubeBind.Queues.Tests;

/// <summary>Sums the listener's counters for one queue, as a metrics exporter would see them.</summary>
internal sealed class QueueCounters : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new();

    public QueueCounters(string queue)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "KubeBind.Queues")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "queue" && Equals(tag.Value, queue))
                {
                    _totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value);
                }
            }
        });
        _listener.Start();
    }

    public long this[string name] => _totals.GetValueOrDefault($"kubebind.queue.messages.{name}");

    public void Dispose() => _listener.Dispose();
}
