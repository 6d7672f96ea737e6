using KubeBind.Functions.Bench;
using KubeBind.Testing;

// Prints the provider pipeline's figures against targets (ratio > 1 is better); never asserts.
var quick = args.Contains("--quick");
// As deployed, the app's client limit (50 QPS) holds it to about 2 requests/s: 200 + 200 would take minutes alone.
var deployedRequests = quick ? 20 : 100;
var requests = quick ? 40 : 200;
var idleRequests = quick ? 1 : 4;
var (bridgeRequests, updatesPerRequest) = quick ? (20, 20) : (50, 40);

var progress = new Progress();
progress.Line(Progress.Machine());
var runs = new List<LatencyRun>();
var bridgeRuns = new List<BridgeRun>();
TimeSpan startup, shutdown;
long delayedCopies = 0;
var pipeline = await Pipeline.StartAsync(progress);
try
{
    var hostJson = Path.Combine(Azurite.RepositoryRoot(), "host.json");
    var deployed = new FunctionsSetup("host.json", hostJson, ClientRateLimit: true);
    var unlimited = new FunctionsSetup("host.json, no QPS limit", hostJson, ClientRateLimit: false);
    // The listener's minimum polling interval: an idle queue is polled all the time.
    var fastPolling = new FunctionsSetup("100 ms polling", BenchHostJson.WithMaxPollingInterval(hostJson, TimeSpan.FromMilliseconds(100), pipeline.WorkDirectory), ClientRateLimit: true);

    await pipeline.StartBridgeAsync();
    await pipeline.StartFunctionsAsync(deployed);
    startup = progress.Elapsed;

    await using (var watch = await SucceededWatch.StartAsync(pipeline.Requests))
    {
        var latency = new ExportLatencyBench(pipeline, watch, progress);
        await latency.WarmUpAsync();
        runs.Add(await latency.IdleAsync(deployed, idleRequests));
        runs.Add(await latency.SequentialAsync(deployed, deployedRequests));
        runs.Add(await latency.BurstAsync(deployed, deployedRequests));
        var burstRequests = latency.LastRequests;

        // The app's client-side rate limit, not the pipeline, sets the pace above; without it, the pipeline's own cost.
        await pipeline.StopFunctionsAsync();
        await pipeline.StartFunctionsAsync(unlimited);
        await latency.WarmUpAsync();
        runs.Add(await latency.SequentialAsync(unlimited, requests));
        runs.Add(await latency.BurstAsync(unlimited, requests));

        // An idle listener backs off to host.json's 2 s; polling as often as it can shows what that costs a lone request.
        await pipeline.StopFunctionsAsync();
        await pipeline.StartFunctionsAsync(fastPolling);
        await latency.WarmUpAsync();
        runs.Add(await latency.IdleAsync(fastPolling, idleRequests));
        await pipeline.StopFunctionsAsync();
        delayedCopies = await pipeline.QueuedExportRequestMessagesAsync();

        // The bridge alone: first with its Storage sender, then with one that costs nothing.
        var bridge = new BridgeThroughputBench(pipeline, progress);
        var targets = burstRequests.Take(bridgeRequests).ToList();
        bridgeRuns.Add(await bridge.RunAsync("Azurite", targets, updatesPerRequest));
        await pipeline.StopBridgeAsync();
        await pipeline.StartBridgeAsync(new DiscardingSender());
        bridgeRuns.Add(await bridge.RunAsync("in-memory", targets, updatesPerRequest));
    }
}
finally
{
    shutdown = await progress.StepAsync("everything stopped", () => pipeline.DisposeAsync().AsTask());
}

Report.Print(startup, shutdown, runs, bridgeRuns, delayedCopies, progress.Elapsed);
