using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using KubeBind.Kubernetes.Rest;

namespace KubeBind.Functions.Bench;

/// <summary>
/// The bridge alone (the function app stopped): a burst of label updates spread over existing requests, by 8 concurrent
/// writers, read back from the bridge's counters: events routed, messages sent, changes coalesced into a waiting message.
/// </summary>
internal sealed class BridgeThroughputBench(Pipeline pipeline, Progress progress)
{
    private const int Writers = 8;

    public async Task<BridgeRun> RunAsync(string sink, IReadOnlyList<(string Namespace, string Name)> targets, int updatesPerTarget)
    {
        var bridge = pipeline.Bridge ?? throw new InvalidOperationException("the bridge is not running");
        await bridge.WaitUntilIdleAsync();
        var counters = bridge.Counters;
        var before = (Events: counters[RunningBridge.Events], Sent: counters[RunningBridge.Sent], Coalesced: counters[RunningBridge.Coalesced]);
        var updates = targets.Count * updatesPerTarget;

        // Done when every update was routed and each one either went out or was merged into a message that went out.
        var settled = counters.WhenAsync(c =>
            c[RunningBridge.Events] - before.Events >= updates
            && c[RunningBridge.Sent] - before.Sent + c[RunningBridge.Coalesced] - before.Coalesced >= c[RunningBridge.Events] - before.Events);
        progress.Line($"bridge → {sink}: {updates} updates over {targets.Count} requests ({Writers} writers)");
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, updates), new ParallelOptions { MaxDegreeOfParallelism = Writers }, async (i, cancellationToken) =>
        {
            var (ns, name) = targets[i % targets.Count];
            var round = (i / targets.Count).ToString(CultureInfo.InvariantCulture);
            await pipeline.Requests.PatchAsync(name, PatchType.Merge, new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["bench-round"] = round } } }, ns, cancellationToken: cancellationToken);
        });
        var written = Stopwatch.GetElapsedTime(started);
        await settled.WaitAsync(TimeSpan.FromMinutes(2));

        var run = new BridgeRun
        {
            Sink = sink,
            Updates = updates,
            Written = written,
            Events = counters[RunningBridge.Events] - before.Events,
            Sent = counters[RunningBridge.Sent] - before.Sent,
            Coalesced = counters[RunningBridge.Coalesced] - before.Coalesced,
            LastEvent = Stopwatch.GetElapsedTime(started, counters.LastAt(RunningBridge.Events)),
            LastSent = Stopwatch.GetElapsedTime(started, counters.LastAt(RunningBridge.Sent)),
        };
        progress.Line(string.Create(
            CultureInfo.InvariantCulture,
            $"  {run.Events} events in {run.LastEvent.TotalMilliseconds:0} ms → {run.Sent} messages by {run.LastSent.TotalMilliseconds:0} ms, {run.Coalesced} coalesced"));
        return run;
    }
}
