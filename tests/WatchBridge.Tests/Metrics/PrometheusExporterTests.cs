using System.Diagnostics.Metrics;
using KubeBind.WatchBridge.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace KubeBind.WatchBridge.Tests.Metrics;

public sealed class PrometheusExporterTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    private IMeterFactory Factory => _services.GetRequiredService<IMeterFactory>();

    [Fact]
    public void Render_WritesCountersWithTotalSuffixAndSortedLabels()
    {
        using var exporter = new PrometheusExporter(Factory);
        var counter = Factory.Create("KubeBind.Test").CreateCounter<long>("kubebind.test.events", description: "Events seen.");
        counter.Add(2, new("kind", "BoundSchema"), new("event", "Added"));
        counter.Add(3, new("event", "Added"), new("kind", "BoundSchema"));

        var text = exporter.Render();

        Assert.Equal(
            "# HELP kubebind_test_events_total Events seen.\n" +
            "# TYPE kubebind_test_events_total counter\n" +
            "kubebind_test_events_total{event=\"Added\",kind=\"BoundSchema\"} 5\n",
            text);
    }

    [Fact]
    public void Render_WritesTheLatestValue_WhenTheInstrumentIsAGauge()
    {
        using var exporter = new PrometheusExporter(Factory);
        var value = 1;
        Factory.Create("KubeBind.Test").CreateObservableGauge("kubebind.test.leader", () => value);
        _ = exporter.Render();
        value = 0;

        var text = exporter.Render();

        Assert.Contains("# TYPE kubebind_test_leader gauge\nkubebind_test_leader 0\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EscapesLabelValues()
    {
        using var exporter = new PrometheusExporter(Factory);
        Factory.Create("KubeBind.Test").CreateCounter<long>("kubebind.test.odd").Add(1, new KeyValuePair<string, object?>("key", "a\"b\\c\nd"));

        var text = exporter.Render();

        Assert.Contains("kubebind_test_odd_total{key=\"a\\\"b\\\\c\\nd\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LeavesOutMeters_WhenAnotherFactoryMadeThem()
    {
        using var exporter = new PrometheusExporter(Factory);
        using var other = new ServiceCollection().AddMetrics().BuildServiceProvider();
        other.GetRequiredService<IMeterFactory>().Create("KubeBind.Test").CreateCounter<long>("kubebind.test.foreign").Add(1);

        var text = exporter.Render();

        Assert.DoesNotContain("foreign", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LeavesOutOtherLibrariesAndHistograms()
    {
        using var exporter = new PrometheusExporter(Factory);
        Factory.Create("Microsoft.AspNetCore.Hosting").CreateCounter<long>("aspnetcore.requests").Add(1);
        Factory.Create("KubeBind.Test").CreateHistogram<double>("kubebind.test.duration").Record(0.5);

        var text = exporter.Render();

        Assert.Equal(string.Empty, text);
    }

    [Fact]
    public void Read_SumsTheSeriesMatchingTheLabels()
    {
        using var exporter = new PrometheusExporter(Factory);
        var counter = Factory.Create("KubeBind.Test").CreateCounter<long>("kubebind.test.sent");
        counter.Add(2, new KeyValuePair<string, object?>("queue", "a"));
        counter.Add(3, new KeyValuePair<string, object?>("queue", "b"));

        var (all, one) = (exporter.Read("kubebind.test.sent"), exporter.Read("kubebind.test.sent", KeyValuePair.Create("queue", "b")));

        Assert.Equal(5, all);
        Assert.Equal(3, one);
    }

    public void Dispose() => _services.Dispose();
}
