using System.Diagnostics.Metrics;
using KubeBind.WatchBridge.Bridge;

namespace KubeBind.WatchBridge.Metrics;

/// <summary>The bridge's instruments, on one meter per host (so two bridges in one process count apart).</summary>
internal sealed class BridgeMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "KubeBind.WatchBridge";

    private readonly Counter<long> _events;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _coalesced;
    private readonly Counter<long> _sendFailures;
    private readonly Counter<long> _resyncs;

    // The exporter is a dependency so that it listens before the first measurement; counts taken earlier would be lost.
    public BridgeMetrics(IMeterFactory meterFactory, BridgeStatus status, PrometheusExporter exporter)
    {
        ArgumentNullException.ThrowIfNull(exporter);

        var meter = meterFactory.Create(MeterName);
        _events = meter.CreateCounter<long>("kubebind.watchbridge.events", description: "Watch events seen, by kind and event.");
        _sent = meter.CreateCounter<long>("kubebind.watchbridge.messages.sent", description: "Messages put on a queue.");
        _coalesced = meter.CreateCounter<long>("kubebind.watchbridge.messages.coalesced", description: "Changes merged into a message still waiting to be sent.");
        _sendFailures = meter.CreateCounter<long>("kubebind.watchbridge.send.failures", description: "Failed sends, each retried with backoff.");
        _resyncs = meter.CreateCounter<long>("kubebind.watchbridge.resyncs", description: "Resyncs that enqueued every reconcilable object, by reason.");
        meter.CreateObservableGauge("kubebind.watchbridge.leader", () => status.IsLeader ? 1 : 0, description: "1 while this bridge holds the lease.");
        meter.CreateObservableGauge("kubebind.watchbridge.synced", () => status.IsSynced ? 1 : 0, description: "1 while the leader's informers have synced.");
        meter.CreateObservableGauge("kubebind.watchbridge.waiting", () => status.Waiting, description: "Messages waiting to be sent.");
    }

    public void EventSeen(string kind, string type) => _events.Add(1, new("kind", kind), new("event", type));

    public void Sent(string queue) => _sent.Add(1, new KeyValuePair<string, object?>("queue", queue));

    public void Coalesced(string queue) => _coalesced.Add(1, new KeyValuePair<string, object?>("queue", queue));

    public void SendFailed(string queue) => _sendFailures.Add(1, new KeyValuePair<string, object?>("queue", queue));

    public void Resynced(string reason) => _resyncs.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
