using KubeBind.DevApiServer.Bench;

// Prints DevApiServer's figures and their ratio to the targets; never fails on them (targets live here, not in tests).
var quick = args.Contains("--quick");
var results = new List<Measurement>();
await using (var bench = await ServerBench.StartAsync())
{
    results.Add(await bench.CreatesPerSecondAsync(quick ? 1_000 : 5_000, concurrency: 8));
    results.AddRange(await bench.ListLatencyAsync(quick ? 2_000 : 10_000, runs: quick ? 5 : 20));
    results.AddRange(await bench.WatchDeliveryAsync(watchers: 100, updates: quick ? 50 : 200));
}

results.Add(StoreMemoryBench.Measure(quick ? 10_000 : 100_000));
Measurement.Print(results);
