using KubeBind.Testing;
using KubeBind.WatchBridge.Bridge;
using KubeBind.WatchBridge.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KubeBind.EndToEnd.Tests;

/// <summary>A watch bridge started in-process as Program starts it, sending to the fixture's Azurite.</summary>
internal sealed class Bridge : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private Bridge(WebApplication app)
    {
        _app = app;
        Status = app.Services.GetRequiredService<BridgeStatus>();
    }

    public BridgeStatus Status { get; }

    /// <summary>Starts a bridge holding (or waiting for) the Lease <paramref name="lease"/>, with test-short lease timings.</summary>
    public static async Task<Bridge> StartAsync(PipelineFixture fixture, string lease)
    {
        var app = WatchBridgeApp.Build([], builder =>
        {
            builder.Logging.ClearProviders();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Kubernetes:Kubeconfig"] = fixture.Cluster.KubeconfigPath,
                ["AzureWebJobsStorage"] = fixture.Azurite.ConnectionString,
                ["Lease:Namespace"] = "default",
                ["Lease:Name"] = lease,
                ["Lease:Duration"] = "00:00:02",
                ["Lease:RenewDeadline"] = "00:00:01.5",
                ["Lease:RetryPeriod"] = "00:00:00.2",
                ["HealthUrl"] = "http://127.0.0.1:0",
            });
        });
        using var timeout = new CancellationTokenSource(WaitFor.DefaultTimeout);
        await app.StartAsync(timeout.Token);
        return new Bridge(app);
    }

    /// <summary>Waits until this bridge leads with synced informers and has sent everything it had.</summary>
    public Task WaitUntilIdleLeaderAsync() =>
        WaitFor.ConditionAsync(() => Task.FromResult(Status.IsLeader && Status.IsSynced && Status.Waiting == 0), $"bridge {Status.Identity} to lead and be idle");

    /// <summary>Stops the bridge as a SIGTERM would; it gives up its lease.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _app.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }
}
