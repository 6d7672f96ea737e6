using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace KubeBind.Functions.Bench;

/// <summary>
/// Sums one host's counters of one meter as they are recorded (the same instruments its /metrics endpoint serves),
/// with the time of each counter's last increment, and completes waits the moment a condition on them holds.
/// </summary>
internal sealed class MeterCounters : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (long Total, long LastAt)> _counters = new(StringComparer.Ordinal);
    private readonly List<(Func<MeterCounters, bool> Condition, TaskCompletionSource Done)> _waits = [];

    /// <summary>Listens to the meter called <paramref name="meterName"/> created by <paramref name="meterFactory"/> (one host's DI container).</summary>
    public MeterCounters(IMeterFactory meterFactory, string meterName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == meterFactory && instrument.Meter.Name == meterName && instrument is Counter<long>)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Record(instrument.Name, value));
        _listener.Start();
    }

    /// <summary>The sum of every increment of <paramref name="instrumentName"/> since this listener started (over all tags).</summary>
    public long this[string instrumentName]
    {
        get
        {
            lock (_lock)
            {
                return _counters.GetValueOrDefault(instrumentName).Total;
            }
        }
    }

    /// <summary>The <see cref="Stopwatch"/> timestamp of the last increment of <paramref name="instrumentName"/> (0: none yet).</summary>
    public long LastAt(string instrumentName)
    {
        lock (_lock)
        {
            return _counters.GetValueOrDefault(instrumentName).LastAt;
        }
    }

    /// <summary>Completes as soon as <paramref name="condition"/> holds; it is checked now and after every increment.</summary>
    public Task WhenAsync(Func<MeterCounters, bool> condition)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _waits.Add((condition, done));
        }

        Check();
        return done.Task;
    }

    public void Dispose() => _listener.Dispose();

    private void Record(string name, long value)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            _counters[name] = (_counters.GetValueOrDefault(name).Total + value, now);
        }

        Check();
    }

    private void Check()
    {
        List<TaskCompletionSource> met;
        lock (_lock)
        {
            if (_waits.Count == 0)
            {
                return;
            }

            // The lock is re-entrant, so conditions may read the counters.
            met = [.. _waits.Where(w => w.Condition(this)).Select(w => w.Done)];
            _waits.RemoveAll(w => met.Contains(w.Done));
        }

        met.ForEach(done => done.TrySetResult());
    }
}
