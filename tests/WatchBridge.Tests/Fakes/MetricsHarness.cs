using KubeBind.WatchBridge.Bridge;
using KubeBind.WatchBridge.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace KubeBind.WatchBridge.Tests.Fakes;

/// <summary>The bridge's metrics on a private meter factory, readable through the exporter the endpoint uses.</summary>
internal sealed class MetricsHarness : IDisposable
{
    private readonly ServiceProvider _services;

    public MetricsHarness()
    {
        _services = new ServiceCollection()
            .AddMetrics()
            .AddSingleton(new BridgeStatus("test"))
            .AddSingleton<BridgeMetrics>()
            .AddSingleton<PrometheusExporter>()
            .BuildServiceProvider();
        Exporter = _services.GetRequiredService<PrometheusExporter>();
        Metrics = _services.GetRequiredService<BridgeMetrics>();
        Status = _services.GetRequiredService<BridgeStatus>();
    }

    public BridgeMetrics Metrics { get; }

    public PrometheusExporter Exporter { get; }

    public BridgeStatus Status { get; }

    public void Dispose() => _services.Dispose();
}
