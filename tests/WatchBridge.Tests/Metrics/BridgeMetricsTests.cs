using KubeBind.WatchBridge.Bridge;
using KubeBind.WatchBridge.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace KubeBind.WatchBridge.Tests.Metrics;

public sealed class BridgeMetricsTests
{
    [Fact]
    public void EventSeen_IsExported_WhenCountedBeforeTheFirstScrape()
    {
        using var services = new ServiceCollection()
            .AddMetrics()
            .AddSingleton(new BridgeStatus("test"))
            .AddSingleton<BridgeMetrics>()
            .AddSingleton<PrometheusExporter>()
            .BuildServiceProvider();
        services.GetRequiredService<BridgeMetrics>().EventSeen("BoundSchema", "Added");

        var text = services.GetRequiredService<PrometheusExporter>().Render();

        Assert.Contains("kubebind_watchbridge_events_total{event=\"Added\",kind=\"BoundSchema\"} 1\n", text, StringComparison.Ordinal);
    }
}
