using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using KubeBind.DevApiServer;
using KubeBind.DevApiServer.Hosting;
using KubeBind.Kubernetes;
using KubeBind.Kubernetes.Caching;
using KubeBind.Kubernetes.Models;
using KubeBind.Kubernetes.Rest;

// Prints the client's figures against targets (ratio > 1 is better); never asserts.
var objects = args.Contains("--quick") ? 2_000 : 10_000;
await using var host = await ApiServerHost.StartAsync(new DevApiServerOptions { WatcherQueueSize = 200_000, WatchHistorySize = 100_000 });
var configuration = host.ClientConfig.ToKubernetesConfiguration();
using var client = new KubernetesClient(configuration, new KubernetesClientOptions { Qps = 0 });
var configMaps = client.Resource(new GroupVersionResource(string.Empty, "v1", "configmaps"));
await client.Resource(new GroupVersionResource(string.Empty, "v1", "namespaces"))
    .CreateAsync(JsonNode.Parse("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"bench"}}""")!.AsObject());

var startVersion = (await configMaps.ListPageAsync("bench")).ResourceVersion;
Console.WriteLine($"creating {objects} configmaps...");
var next = -1;
await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
{
    int i;
    while ((i = Interlocked.Increment(ref next)) < objects)
    {
        await configMaps.CreateAsync(ConfigMap($"cm-{i}", i), "bench");
    }
}));

// List throughput through the client (paged, decoded into JsonObjects).
var watch = Stopwatch.StartNew();
var list = await configMaps.ListAsync("bench", new ListOptions { Limit = 500 });
var listRate = list.Items.Count / watch.Elapsed.TotalSeconds;

// Watch throughput: replay every create from the server's history, as fast as the client decodes events.
watch.Restart();
var received = 0;
using (var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5)))
{
    await foreach (var e in configMaps.WatchAsync("bench", new WatchOptions { ResourceVersion = startVersion, AllowBookmarks = false }, cts.Token))
    {
        if (e.Type == WatchEventType.Added && ++received == objects)
        {
            break;
        }
    }
}

var watchRate = objects / watch.Elapsed.TotalSeconds;

// Informer memory: managed bytes held per cached object after a full sync.
var before = Settle();
var informer = new Informer<JsonObject>(configMaps, new InformerOptions { Namespace = "bench" });
using var run = new CancellationTokenSource();
var running = informer.RunAsync(run.Token);
await informer.WaitForSyncAsync();
var perObject = (Settle() - before) / (double)objects;
GC.KeepAlive(informer);
await run.CancelAsync();
await running;
await informer.DisposeAsync();

Console.WriteLine();
Print("list throughput (paged, JsonObject)", listRate, "obj/s", 20_000, higherIsBetter: true);
Print("watch throughput (history replay)", watchRate, "ev/s", 20_000, higherIsBetter: true);
Print("informer memory per cached ConfigMap", perObject, "B", 4_000, higherIsBetter: false);
Console.WriteLine("ratio > 1.00 means better than the target.");

static void Print(string name, double value, string unit, double target, bool higherIsBetter)
{
    var ratio = higherIsBetter ? value / target : target / value;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-40} {value,10:0} {unit,-5} target {(higherIsBetter ? ">=" : "<=")} {target,7:0} {ratio,6:0.00}x"));
}

static long Settle()
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    return GC.GetTotalMemory(forceFullCollection: true);
}

static JsonObject ConfigMap(string name, int i) => new()
{
    ["apiVersion"] = "v1",
    ["kind"] = "ConfigMap",
    ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = new JsonObject { ["app"] = "bench" } },
    ["data"] = new JsonObject { ["v"] = i.ToString(CultureInfo.InvariantCulture), ["config.yaml"] = "replicas: 3\nimage: example.com/app:1.2.3\n" },
};
