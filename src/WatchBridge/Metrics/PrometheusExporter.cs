using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace KubeBind.WatchBridge.Metrics;

/// <summary>
/// Serves this host's instruments in the Prometheus text format (0.0.4): counters as <c>&lt;name&gt;_total</c>,
/// gauges as they are. Listens only to this host's <see cref="IMeterFactory"/> and to meters named <c>KubeBind.*</c>,
/// so bridges sharing a process report apart. Small on purpose: sums and last values, no histograms.
/// </summary>
internal sealed class PrometheusExporter : IDisposable
{
    /// <summary>The content type of the text exposition format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private const string MeterPrefix = "KubeBind.";

    // Sums and last values only; histograms would need buckets.
    private static readonly Type[] SupportedInstruments =
        [typeof(Counter<>), typeof(UpDownCounter<>), typeof(ObservableCounter<>), typeof(ObservableUpDownCounter<>), typeof(ObservableGauge<>), typeof(Gauge<>)];

    private readonly MeterListener _listener = new();
    private readonly Lock _lock = new();
    // Per instrument, per label set (rendered), the running sum or last value.
    private readonly Dictionary<Instrument, Dictionary<string, double>> _values = [];

    public PrometheusExporter(IMeterFactory meterFactory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == meterFactory && instrument.Meter.Name.StartsWith(MeterPrefix, StringComparison.Ordinal) && IsSupported(instrument))
            {
                lock (_lock)
                {
                    _values.TryAdd(instrument, new Dictionary<string, double>(StringComparer.Ordinal));
                }

                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The sum over all label sets of the instrument called <paramref name="instrumentName"/> (0 when unseen).</summary>
    public double Read(string instrumentName, params KeyValuePair<string, string>[] labels)
    {
        _listener.RecordObservableInstruments();
        var wanted = labels.Select(l => $"{Sanitize(l.Key)}=\"{Escape(l.Value)}\"").ToList();
        lock (_lock)
        {
            return _values
                .Where(p => p.Key.Name == instrumentName)
                .SelectMany(p => p.Value)
                .Where(series => wanted.All(w => $",{series.Key},".Contains($",{w},", StringComparison.Ordinal)))
                .Sum(series => series.Value);
        }
    }

    /// <summary>Renders every series.</summary>
    public string Render()
    {
        _listener.RecordObservableInstruments();
        var text = new StringBuilder();
        lock (_lock)
        {
            foreach (var (instrument, series) in _values.OrderBy(p => p.Key.Name, StringComparer.Ordinal))
            {
                var isCounter = instrument is Counter<long> or Counter<int> or Counter<double>
                    or ObservableCounter<long> or ObservableCounter<int> or ObservableCounter<double>;
                var name = Sanitize(instrument.Name) + (isCounter ? "_total" : string.Empty);
                if (instrument.Description is { Length: > 0 } help)
                {
                    text.Append("# HELP ").Append(name).Append(' ').Append(help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)).Append('\n');
                }

                text.Append("# TYPE ").Append(name).Append(' ').Append(isCounter ? "counter" : "gauge").Append('\n');
                foreach (var (labels, value) in series.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    text.Append(name);
                    if (labels.Length > 0)
                    {
                        text.Append('{').Append(labels).Append('}');
                    }

                    text.Append(' ').Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
                }
            }
        }

        return text.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private static bool IsSupported(Instrument instrument) =>
        instrument.GetType() is { IsGenericType: true } type && SupportedInstruments.Contains(type.GetGenericTypeDefinition());

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        // Counters add up their increments; observed instruments report their current (or cumulative) value.
        var cumulative = instrument is Counter<long> or Counter<int> or Counter<double> or UpDownCounter<long> or UpDownCounter<int> or UpDownCounter<double>;
        lock (_lock)
        {
            if (_values.TryGetValue(instrument, out var series))
            {
                series[labels] = cumulative ? series.GetValueOrDefault(labels) + value : value;
            }
        }
    }

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0)
        {
            return string.Empty;
        }

        var pairs = new List<string>(tags.Length);
        foreach (var tag in tags)
        {
            pairs.Add($"{Sanitize(tag.Key)}=\"{Escape(Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? string.Empty)}\"");
        }

        pairs.Sort(StringComparer.Ordinal);
        return string.Join(',', pairs);
    }

    /// <summary>Metric and label names allow <c>[a-zA-Z0-9_:]</c>; OpenTelemetry's dots become underscores.</summary>
    private static string Sanitize(string name)
    {
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!(char.IsAsciiLetterOrDigit(chars[i]) || chars[i] is '_' or ':'))
            {
                chars[i] = '_';
            }
        }

        return new string(chars);
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
