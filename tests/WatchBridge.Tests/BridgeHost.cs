using KubeBind.Testing;
using KubeBind.WatchBridge.Bridge;
using KubeBind.WatchBridge.Hosting;
using KubeBind.WatchBridge.Metrics;
using KubeBind.WatchBridge.Sending;
using KubeBind.WatchBridge.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KubeBind.WatchBridge.Tests;

/// <summary>A bridge started in-process the way Program starts it, with a recording sender and short lease timings.</summary>
internal sealed class BridgeHost : IAsyncDisposable
{
    private bool _disposed;

    private BridgeHost(WebApplication app, RecordingSender sender)
    {
        App = app;
        Sender = sender;
        Status = app.Services.GetRequiredService<BridgeStatus>();
        Metrics = app.Services.GetRequiredService<PrometheusExporter>();
    }

    public WebApplication App { get; }

    public RecordingSender Sender { get; }

    public BridgeStatus Status { get; }

    public PrometheusExporter Metrics { get; }

    public Uri HealthAddress => App.HealthAddress();

    /// <summary>The settings every test bridge uses; <paramref name="overrides"/> win.</summary>
    public static Dictionary<string, string?> Settings(TestCluster cluster, string lease, params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Kubernetes:Kubeconfig"] = cluster.KubeconfigPath,
            ["Lease:Namespace"] = "default",
            ["Lease:Name"] = lease,
            ["Lease:Duration"] = "00:00:02",
            ["Lease:RenewDeadline"] = "00:00:01.5",
            ["Lease:RetryPeriod"] = "00:00:00.2",
            ["HealthUrl"] = "http://127.0.0.1:0",
            ["Workers"] = "2",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    public static Task<BridgeHost> StartAsync(TestCluster cluster, string lease, params (string Key, string Value)[] overrides) =>
        StartAsync(cluster, lease, recordMessages: true, overrides);

    /// <summary>Starts a bridge; unless <paramref name="recordMessages"/>, it sends with its default sender (Storage queues) and <see cref="Sender"/> stays empty.</summary>
    public static async Task<BridgeHost> StartAsync(TestCluster cluster, string lease, bool recordMessages, params (string Key, string Value)[] overrides)
    {
        var sender = new RecordingSender();
        var app = WatchBridgeApp.Build([], builder =>
        {
            builder.Logging.ClearProviders();
            builder.Configuration.AddInMemoryCollection(Settings(cluster, lease, overrides));
            if (recordMessages)
            {
                builder.Services.AddSingleton<IMessageSender>(sender);
            }
        });
        using var timeout = new CancellationTokenSource(WaitFor.DefaultTimeout);
        await app.StartAsync(timeout.Token);
        return new BridgeHost(app, sender);
    }

    /// <summary>Waits until this bridge leads, its informers have listed and the start-up resync is queued.</summary>
    public Task WaitUntilLeadingAsync() =>
        WaitFor.ConditionAsync(() => Task.FromResult(Status.IsLeader && Status.IsSynced), $"{Status.Identity} to lead with synced informers");

    /// <summary>Waits until nothing is waiting to be sent.</summary>
    public Task WaitUntilIdleAsync() =>
        WaitFor.ConditionAsync(() => Task.FromResult(Status.IsSynced && Status.Waiting == 0), $"{Status.Identity} to have sent everything");

    /// <summary>Watch events of <paramref name="kind"/> the bridge has routed.</summary>
    public double EventsSeen(string kind) => Metrics.Read("kubebind.watchbridge.events", KeyValuePair.Create("kind", kind));

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Sender.Release();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await App.StopAsync(timeout.Token);
        }

        await App.DisposeAsync();
    }
}
