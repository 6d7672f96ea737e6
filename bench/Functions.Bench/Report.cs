using System.Globalization;
using KubeBind.DevApiServer.Bench;

namespace KubeBind.Functions.Bench;

/// <summary>The figures against their targets, then where a request's time goes and what the bridge did with each burst.</summary>
internal static class Report
{
    public static void Print(TimeSpan startup, TimeSpan shutdown, IReadOnlyList<LatencyRun> runs, IReadOnlyList<BridgeRun> bridgeRuns, long delayedCopies, TimeSpan total)
    {
        var results = new List<Measurement>
        {
            new("start-up: DevApiServer → functions listening", startup.TotalSeconds, "s", 10, HigherIsBetter: false),
        };
        foreach (var run in runs)
        {
            var name = $"{run.Mode} ({run.Setup})";
            var burst = run.Mode == "burst";
            // A lone or back-to-back request should be done before a `kubectl bind` user wonders; a burst within about 10 s.
            results.Add(new($"{name} p50", run.Total.P50, "ms", burst ? 5_000 : 1_000, HigherIsBetter: false));
            results.Add(new($"{name} p99", run.Total.P99, "ms", burst ? 10_000 : 2_000, HigherIsBetter: false));
            results.Add(new($"{name} max", run.Total.Max, "ms", burst ? 15_000 : 3_000, HigherIsBetter: false));
            if (burst)
            {
                results.Add(new($"{name} throughput", run.PerSecond, "/s", 20, HigherIsBetter: true));
            }
        }

        foreach (var run in bridgeRuns)
        {
            // Events arrive as fast as 8 writers get updates through the API server; the bridge should keep up with them.
            results.Add(new($"bridge → {run.Sink}: events in", run.EventsPerSecond, "/s", 1_000, HigherIsBetter: true));
            results.Add(new($"bridge → {run.Sink}: messages out", run.MessagesPerSecond, "/s", 250, HigherIsBetter: true));
            // Below a millisecond is "kept up"; finer would only inflate the ratio.
            results.Add(new($"bridge → {run.Sink}: lag after last event", Math.Max(run.Lag.TotalMilliseconds, 1), "ms", 100, HigherIsBetter: false));
        }

        results.Add(new("shutdown: everything stopped", shutdown.TotalSeconds, "s", 5, HigherIsBetter: false));
        Measurement.Print(results);

        Console.WriteLine();
        Console.WriteLine("where a request's time goes (p50 / p99 ms), and what each request cost:");
        foreach (var run in runs)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {run.Mode + " (" + run.Setup + ")",-38} create→queued {Pair(run.UntilQueued)}   queued→Succeeded {Pair(run.QueuedUntilSucceeded)}   {run.MessagesPerRequest:0.0} messages, {run.InvocationsPerRequest:0.0} invocations{Drained(run)}"));
        }

        var requests = runs.Sum(r => r.Total.Count);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  the export-request queue ended holding {delayedCopies} delayed copies (about {delayedCopies / (double)Math.Max(requests, 1):0.0} per request): each invocation requeues one for the 10-minute prune"));

        Console.WriteLine();
        Console.WriteLine("bridge bursts (times from the first write):");
        foreach (var run in bridgeRuns)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  → {run.Sink,-10} {run.Updates} updates written by {run.Written.TotalMilliseconds:0} ms; {run.Events} events routed by {run.LastEvent.TotalMilliseconds:0} ms; {run.Sent} messages sent by {run.LastSent.TotalMilliseconds:0} ms; {run.Coalesced} coalesced ({run.CoalescingRatio:0.0} events per message)"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total runtime {total.TotalSeconds:0} s"));
    }

    // For a burst, how long the follow-up invocations kept the app busy after the requests had all succeeded.
    private static string Drained(LatencyRun run) => run.Mode != "burst" ? string.Empty
        : string.Create(CultureInfo.InvariantCulture, $"; all handled {run.Drained.TotalSeconds:0.0} s after the first create ({run.Total.Count / run.Drained.TotalSeconds:0.0} requests/s sustained)");

    private static string Pair(Latencies? latencies) =>
        latencies is null ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{latencies.P50,5:0} / {latencies.P99,5:0}");
}
