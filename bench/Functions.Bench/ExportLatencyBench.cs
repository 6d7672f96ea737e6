using System.Diagnostics;
using System.Globalization;
using KubeBind.Api.V1Alpha2;
using KubeBind.Kubernetes.Models;
using KubeBind.Testing;

namespace KubeBind.Functions.Bench;

/// <summary>
/// Export request → Succeeded through the whole pipeline. Each request asks for the cowboys resource in a contract
/// namespace of its own (one consumer each, as <c>kubectl bind</c> makes them), created before the clock starts. A
/// latency runs from the create call returning to the watch delivering the Succeeded status.
/// </summary>
internal sealed class ExportLatencyBench(Pipeline pipeline, SucceededWatch watch, Progress progress)
{
    private const string RequestName = "cowboys";
    private const string Processed = "kubebind.queue.messages.processed";

    // Generous: a stuck request should fail the run with a name, not hang it.
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    private int _runs;

    /// <summary>The requests of the latest run, for the bridge bench to update.</summary>
    public IReadOnlyList<(string Namespace, string Name)> LastRequests { get; private set; } = [];

    /// <summary>One request, not counted: JIT, connections and the listener's first receive.</summary>
    public async Task WarmUpAsync()
    {
        var ns = (await pipeline.CreateNamespacesAsync($"warmup-{++_runs}", 1))[0];
        var before = Counts();
        await progress.StepAsync("warm-up request Succeeded", async () =>
        {
            await CreateAsync(ns);
            await watch.WhenSucceededAsync(ns, RequestName).WaitAsync(Deadline);
        });
        await SettleAsync(before);
    }

    /// <summary>
    /// Requests that each find the pipeline idle, its listener backed off to <c>maxPollingInterval</c>: what a lone
    /// <c>kubectl bind</c> meets. Slow by nature (each waits out the backoff first), so only a few.
    /// </summary>
    public async Task<LatencyRun> IdleAsync(FunctionsSetup setup, int count)
    {
        var namespaces = await pipeline.CreateNamespacesAsync($"idle-{++_runs}", count);
        var backoff = setup.FullBackoff;
        var interval = setup.Queues.MaxPollingInterval;
        progress.Line(string.Create(
            CultureInfo.InvariantCulture,
            $"idle ({setup.Label}): {count} requests, each {backoff.TotalSeconds:0.0} s + a random part of {interval.TotalSeconds:0.0} s after the last message"));
        var before = Counts();
        var samples = new List<Sample>(count);
        var started = Stopwatch.GetTimestamp();
        foreach (var ns in namespaces)
        {
            await SettleAsync(before);
#pragma warning disable CA5394 // Not security: only the phase of the listener's poll cycle at which the request lands.
            await Task.Delay(backoff + (interval * Random.Shared.NextDouble()));
#pragma warning restore CA5394
            var created = await CreateAsync(ns);
            samples.Add(new Sample(ns, created, await watch.WhenSucceededAsync(ns, RequestName).WaitAsync(Deadline)));
        }

        return await ResultAsync("idle", setup, samples, started, before);
    }

    /// <summary>One request at a time, back to back: create, wait for Succeeded, create the next.</summary>
    public async Task<LatencyRun> SequentialAsync(FunctionsSetup setup, int count)
    {
        var namespaces = await pipeline.CreateNamespacesAsync($"seq-{++_runs}", count);
        var before = Counts();
        progress.Line($"sequential ({setup.Label}): {count} requests, one at a time");
        var samples = new List<Sample>(count);
        var started = Stopwatch.GetTimestamp();
        foreach (var ns in namespaces)
        {
            var created = await CreateAsync(ns);
            samples.Add(new Sample(ns, created, await watch.WhenSucceededAsync(ns, RequestName).WaitAsync(Deadline)));
            if (samples.Count % Math.Max(1, count / 4) == 0 && samples.Count < count)
            {
                progress.Line(string.Create(CultureInfo.InvariantCulture, $"  {samples.Count}/{count} Succeeded, p50 so far {new Latencies(samples.Select(s => s.Total)).P50:0} ms"));
            }
        }

        return await ResultAsync("sequential", setup, samples, started, before);
    }

    /// <summary>All requests at once (created by 16 concurrent clients), then wait for every one to succeed.</summary>
    public async Task<LatencyRun> BurstAsync(FunctionsSetup setup, int count)
    {
        var namespaces = await pipeline.CreateNamespacesAsync($"burst-{++_runs}", count);
        var before = Counts();
        progress.Line($"burst ({setup.Label}): {count} requests at once");
        var created = new long[count];
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) => created[i] = await CreateAsync(namespaces[i]));
        progress.Line(string.Create(CultureInfo.InvariantCulture, $"  {count} created in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms; waiting for Succeeded"));
        var succeeded = await Task.WhenAll(namespaces.Select(ns => watch.WhenSucceededAsync(ns, RequestName))).WaitAsync(Deadline);
        return await ResultAsync("burst", setup, [.. namespaces.Select((ns, i) => new Sample(ns, created[i], succeeded[i]))], started, before);
    }

    private async Task<LatencyRun> ResultAsync(string mode, FunctionsSetup setup, IReadOnlyList<Sample> samples, long started, (long Sent, long Processed) before)
    {
        // From the first create to the last Succeeded: the run's throughput.
        var elapsed = Stopwatch.GetElapsedTime(started, samples.Max(s => s.Succeeded));
        await SettleAsync(before);
        var drained = Stopwatch.GetElapsedTime(started);
        var after = Counts();
        var stamps = pipeline.Bridge?.Stamps;
        var queued = samples.Select(s => (Sample: s, Queued: stamps?.FirstSent(s.Namespace, RequestName))).Where(q => q.Queued is not null).ToList();
        LastRequests = [.. samples.Select(s => (s.Namespace, RequestName))];
        var run = new LatencyRun
        {
            Mode = mode,
            Setup = setup.Label,
            Total = new Latencies(samples.Select(s => s.Total)),
            UntilQueued = queued.Count > 0 ? new Latencies(queued.Select(q => Stopwatch.GetElapsedTime(q.Sample.Created, q.Queued!.Value).TotalMilliseconds)) : null,
            QueuedUntilSucceeded = queued.Count > 0 ? new Latencies(queued.Select(q => Stopwatch.GetElapsedTime(q.Queued!.Value, q.Sample.Succeeded).TotalMilliseconds)) : null,
            Elapsed = elapsed,
            Drained = drained,
            MessagesPerRequest = (after.Sent - before.Sent) / (double)samples.Count,
            InvocationsPerRequest = (after.Processed - before.Processed) / (double)samples.Count,
        };
        progress.Line(string.Create(CultureInfo.InvariantCulture, $"  done: p50 {run.Total.P50:0} ms, p99 {run.Total.P99:0} ms, max {run.Total.Max:0} ms, {run.PerSecond:0.0} requests/s"));
        return run;
    }

    /// <summary>
    /// Waits until every message the bridge sent since <paramref name="before"/> (a settled moment) was handled: the
    /// reconciler's own writes come back as events and messages, and the next request must not meet them.
    /// </summary>
    private Task SettleAsync((long Sent, long Processed) before)
    {
        var bridge = pipeline.Bridge ?? throw new InvalidOperationException("the bridge is not running");
        var functions = pipeline.Functions ?? throw new InvalidOperationException("the function app is not running");
        return WaitFor.ConditionAsync(
            () => Task.FromResult(bridge.Status.Waiting == 0 && functions.Counters[Processed] - before.Processed >= bridge.Counters[RunningBridge.Sent] - before.Sent),
            "every message the bridge sent to be handled",
            TimeSpan.FromMinutes(2));
    }

    private (long Sent, long Processed) Counts() =>
        (pipeline.Bridge?.Counters[RunningBridge.Sent] ?? 0, pipeline.Functions?.Counters[Processed] ?? 0);

    /// <summary>Creates the request in <paramref name="ns"/>; returns when the create call returned.</summary>
    private async Task<long> CreateAsync(string ns)
    {
        await pipeline.Requests.CreateAsync(
            new ApiServiceExportRequest
            {
                Metadata = new ObjectMeta { Namespace = ns, Name = RequestName },
                Spec = new ApiServiceExportRequestSpec
                {
                    Resources = [new ApiServiceExportRequestResource { Group = "wildwest.dev", Resource = "cowboys", Versions = ["v1alpha1"] }],
                },
            },
            ns);
        return Stopwatch.GetTimestamp();
    }

    private sealed record Sample(string Namespace, long Created, long Succeeded)
    {
        public double Total => Stopwatch.GetElapsedTime(Created, Succeeded).TotalMilliseconds;
    }
}
