using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Hosting;

namespace KubeBind.DevApiServer.Bench;

/// <summary>Measures DevApiServer through its HTTP API, as clients see it: HTTPS on 127.0.0.1, admin token.</summary>
internal sealed class ServerBench : IAsyncDisposable
{
    private readonly ApiServerHost _host;
    private readonly HttpClient _http;

    private ServerBench(ApiServerHost host)
    {
        _host = host;
        _http = new HttpClient(host.ClientConfig.CreateHandler()) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", host.AdminToken);
    }

    public static async Task<ServerBench> StartAsync()
    {
        var host = await ApiServerHost.StartAsync(new DevApiServerOptions { WatcherQueueSize = 100_000 });
        Console.WriteLine($"DevApiServer at {host.BaseAddress}");
        return new ServerBench(host);
    }

    public async Task<Measurement> CreatesPerSecondAsync(int count, int concurrency)
    {
        var ns = await NamespaceAsync("creates");
        await CreateConfigMapsAsync(ns, 200, concurrency, "warmup-"); // JIT and connection warm-up
        Console.WriteLine($"creating {count} configmaps with {concurrency} concurrent clients...");
        var watch = Stopwatch.StartNew();
        await CreateConfigMapsAsync(ns, count, concurrency, "cm-");
        var perSecond = count / watch.Elapsed.TotalSeconds;
        return new Measurement($"creates/s ({concurrency} clients, HTTPS)", perSecond, "/s", 2_000, HigherIsBetter: true);
    }

    public async Task<IReadOnlyList<Measurement>> ListLatencyAsync(int objects, int runs)
    {
        var ns = await NamespaceAsync("list");
        Console.WriteLine($"creating {objects} configmaps for the list benchmark...");
        await CreateConfigMapsAsync(ns, objects, concurrency: 8, "item-");
        var full = new List<double>();
        var paged = new List<double>();
        for (var i = 0; i < runs + 2; i++)
        {
            var watch = Stopwatch.StartNew();
            var body = await _http.GetByteArrayAsync(new Uri($"/api/v1/namespaces/{ns}/configmaps", UriKind.Relative));
            var elapsed = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            await _http.GetByteArrayAsync(new Uri($"/api/v1/namespaces/{ns}/configmaps?limit=500", UriKind.Relative));
            if (i >= 2)
            {
                full.Add(elapsed);
                paged.Add(watch.Elapsed.TotalMilliseconds);
            }

            if (i == 0)
            {
                Console.WriteLine($"a full list is {body.Length / 1024} KiB");
            }
        }

        return
        [
            new Measurement($"list {objects} objects, p50", Percentile(full, 50), "ms", 50, HigherIsBetter: false),
            new Measurement($"list {objects} objects, p99", Percentile(full, 99), "ms", 100, HigherIsBetter: false),
            new Measurement($"list page of 500 (of {objects}), p99", Percentile(paged, 99), "ms", 20, HigherIsBetter: false),
        ];
    }

    public async Task<IReadOnlyList<Measurement>> WatchDeliveryAsync(int watchers, int updates)
    {
        var ns = await NamespaceAsync("watch");
        var path = $"/api/v1/namespaces/{ns}/configmaps";
        await PostAsync(path, ConfigMap("target", "0"));
        Console.WriteLine($"opening {watchers} watches, then {updates} updates...");
        var sent = new double[updates + 1];
        var clock = Stopwatch.StartNew();
        var latencies = new List<double>();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ready = new CountdownEvent(watchers);
        var tasks = Enumerable.Range(0, watchers).Select(_ => Task.Run(async () =>
        {
            using var client = new HttpClient(_host.ClientConfig.CreateHandler()) { BaseAddress = _host.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _host.AdminToken);
            using var response = await client.GetAsync(new Uri($"{path}?watch=true&fieldSelector=metadata.name%3Dtarget", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancel.Token);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
            var local = new List<double>();
            ready.Signal();
            while (local.Count < updates + 1 && await reader.ReadLineAsync(cancel.Token) is { } line)
            {
                var received = clock.Elapsed.TotalMilliseconds;
                var value = JsonNode.Parse(line)!["object"]!["data"]!["v"]!.GetValue<string>();
                var index = int.Parse(value, CultureInfo.InvariantCulture);
                if (index > 0)
                {
                    local.Add(received - Volatile.Read(ref sent[index]));
                }
                else
                {
                    local.Add(0);
                }
            }

            lock (latencies)
            {
                latencies.AddRange(local.Skip(1));
            }
        })).ToList();
        ready.Wait(cancel.Token);
        for (var i = 1; i <= updates; i++)
        {
            Volatile.Write(ref sent[i], clock.Elapsed.TotalMilliseconds);
            using var patch = new StringContent($$$"""{"data":{"v":"{{{i}}}"}}""", Encoding.UTF8);
            patch.Headers.ContentType = new MediaTypeHeaderValue("application/merge-patch+json");
            (await _http.PatchAsync(new Uri($"{path}/target", UriKind.Relative), patch)).EnsureSuccessStatusCode();
        }

        await Task.WhenAll(tasks);
        return
        [
            new Measurement($"watch delivery, {watchers} watchers, p50", Percentile(latencies, 50), "ms", 10, HigherIsBetter: false),
            new Measurement($"watch delivery, {watchers} watchers, p99", Percentile(latencies, 99), "ms", 50, HigherIsBetter: false),
        ];
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    private async Task<string> NamespaceAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid().ToString("n")[..8]}";
        await PostAsync("/api/v1/namespaces", new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = name } });
        return name;
    }

    private async Task CreateConfigMapsAsync(string ns, int count, int concurrency, string prefix)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await PostAsync($"/api/v1/namespaces/{ns}/configmaps", ConfigMap($"{prefix}{i}", i.ToString(CultureInfo.InvariantCulture)));
            }
        }));
    }

    private async Task PostAsync(string path, JsonObject body)
    {
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), content);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    internal static JsonObject ConfigMap(string name, string value) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["labels"] = new JsonObject { ["app"] = "bench", ["tier"] = "backend" },
        },
        ["data"] = new JsonObject { ["v"] = value, ["config.yaml"] = "replicas: 3\nimage: example.com/app:1.2.3\nlogLevel: info\n" },
    };

    private static double Percentile(List<double> values, int percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        var index = (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }
}
