using KubeBind.Testing;
using KubeBind.WatchBridge.Bridge;
using Microsoft.AspNetCore.Builder;

namespace KubeBind.Functions.Bench;

/// <summary>A running watch bridge: its status and its counters (meter <c>KubeBind.WatchBridge</c>).</summary>
internal sealed class RunningBridge(WebApplication app, BridgeStatus status, MeterCounters counters, StampingSender? stamps) : IAsyncDisposable
{
    public const string Events = "kubebind.watchbridge.events";
    public const string Sent = "kubebind.watchbridge.messages.sent";
    public const string Coalesced = "kubebind.watchbridge.messages.coalesced";

    public BridgeStatus Status => status;

    public MeterCounters Counters => counters;

    /// <summary>When each object's first message was queued; null when the bridge sends elsewhere than Azurite.</summary>
    public StampingSender? Stamps => stamps;

    /// <summary>Waits until nothing waits in the outbox (the start-up resync, say, has gone out).</summary>
    public Task WaitUntilIdleAsync() =>
        WaitFor.ConditionAsync(() => Task.FromResult(status.IsSynced && status.Waiting == 0), "the bridge to have sent everything", TimeSpan.FromMinutes(1));

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await app.StopAsync(timeout.Token);
        }

        await app.DisposeAsync();
        counters.Dispose();
    }
}
