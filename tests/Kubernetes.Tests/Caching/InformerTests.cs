using System.Text.Json.Nodes;
using System.Threading.Channels;
using KubeBind.Kubernetes.Caching;
using KubeBind.Kubernetes.Models;
using KubeBind.Kubernetes.Tests.Rest;
using KubeBind.Testing;

namespace KubeBind.Kubernetes.Tests.Caching;

[Collection(ClientCollection.Name)]
public sealed class InformerTests(ClientFixture fixture)
{
    private static readonly GroupVersionResource ConfigMaps = new(string.Empty, "v1", "configmaps");

    [Fact]
    public async Task Informer_CachesAndStreamsAddsUpdatesAndDeletesWithFinalState()
    {
        var ns = await fixture.Cluster.CreateNamespaceAsync("informer");
        var resource = fixture.Client.Resource(ConfigMaps);
        await resource.CreateAsync(ResourceClientTests.ConfigMap("before", "0"), ns);
        await using var informer = new Informer<JsonObject>(resource, new InformerOptions { Namespace = ns, LabelSelector = "!ignored" });
        informer.AddIndexer("by-value", o => [o["data"]?["key"]?.GetValue<string>() ?? string.Empty]);
        using var cts = new CancellationTokenSource(WaitFor.DefaultTimeout);
        var run = informer.RunAsync(cts.Token);
        await informer.WaitForSyncAsync(cts.Token);
        var events = informer.Subscribe();

        var created = await resource.CreateAsync(ResourceClientTests.ConfigMap("live", "1"), ns);
        created["data"]!["key"] = "2";
        await resource.UpdateAsync(created);
        await resource.DeleteAsync("live", ns);

        var seen = await ReadUntilAsync(events, e => e.Key == $"{ns}/live" && e.Type == InformerEventType.Deleted, cts.Token);
        var live = seen.Where(e => e.Key == $"{ns}/live").ToList();
        Assert.Equal([InformerEventType.Added, InformerEventType.Updated, InformerEventType.Deleted], live.Select(e => e.Type));
        Assert.Equal("1", live[1].OldObject!["data"]!["key"]!.GetValue<string>());
        Assert.Equal("2", live[2].Object["data"]!["key"]!.GetValue<string>());
        Assert.Contains(seen, e => e.Key == $"{ns}/before" && e.Type == InformerEventType.Added);
        Assert.Null(informer.Get(ns, "live"));
        Assert.NotNull(informer.Get(ns, "before"));
        Assert.Single(informer.ByIndex("by-value", "0"));
        Assert.Contains(informer.ByIndex(Informer<JsonObject>.NamespaceIndex, ns), o => o["metadata"]!["name"]!.GetValue<string>() == "before");
        await cts.CancelAsync();
        await run;
    }

    [Fact]
    public async Task Informer_RelistsAfterGone_AndReconcilesTheCacheWithTheServer()
    {
        var ns = await fixture.Cluster.CreateNamespaceAsync("relist");
        var configuration = fixture.Configuration();
        var handler = new ExpiringWatchHandler(configuration.CreateHandler());
        using var client = new KubernetesClient(configuration, new KubernetesClientOptions { MessageHandler = handler });
        var resource = client.Resource(ConfigMaps);
        await resource.CreateAsync(ResourceClientTests.ConfigMap("stays", "1"), ns);
        await resource.CreateAsync(ResourceClientTests.ConfigMap("changes", "1"), ns);
        await resource.CreateAsync(ResourceClientTests.ConfigMap("goes", "1"), ns);
        await using var informer = new Informer<JsonObject>(resource, new InformerOptions { Namespace = ns });
        using var cts = new CancellationTokenSource(WaitFor.DefaultTimeout);
        var run = informer.RunAsync(cts.Token);
        await informer.WaitForSyncAsync(cts.Token);
        var events = informer.Subscribe(replay: false);
        await handler.Held.WaitAsync(cts.Token);

        // Change the world while the informer cannot watch, then let its watch fail with 410.
        await resource.DeleteAsync("goes", ns);
        await resource.PatchAsync("changes", KubeBind.Kubernetes.Rest.PatchType.Merge, JsonNode.Parse("""{"data":{"key":"2"}}""")!, ns);
        await resource.CreateAsync(ResourceClientTests.ConfigMap("arrives", "1"), ns);
        handler.Release();

        // A relist emits additions and updates in list order, then the deletions.
        var seen = await ReadUntilAsync(events, e => e.Key == $"{ns}/goes" && e.Type == InformerEventType.Deleted, cts.Token);
        var server = (await resource.ListAsync(ns)).Items.ToDictionary(i => i["metadata"]!["name"]!.GetValue<string>(), i => i["metadata"]!["resourceVersion"]!.GetValue<string>());
        var cached = informer.List().ToDictionary(i => i["metadata"]!["name"]!.GetValue<string>(), i => i["metadata"]!["resourceVersion"]!.GetValue<string>());
        Assert.Equal(1, informer.Relists);
        Assert.Equal(server.OrderBy(p => p.Key), cached.OrderBy(p => p.Key));
        Assert.Contains(seen, e => e.Key == $"{ns}/goes" && e.Type == InformerEventType.Deleted);
        Assert.Contains(seen, e => e.Key == $"{ns}/changes" && e.Type == InformerEventType.Updated);
        Assert.Contains(seen, e => e.Key == $"{ns}/arrives" && e.Type == InformerEventType.Added);
        Assert.DoesNotContain(seen, e => e.Key == $"{ns}/stays");
        await cts.CancelAsync();
        await run;
    }

    [Fact]
    public async Task Informer_Relist_ReportsAnObjectRecreatedUnderTheSameName_AsDeleteThenAdd()
    {
        var ns = await fixture.Cluster.CreateNamespaceAsync("recreate");
        var configuration = fixture.Configuration();
        var handler = new ExpiringWatchHandler(configuration.CreateHandler());
        using var client = new KubernetesClient(configuration, new KubernetesClientOptions { MessageHandler = handler });
        var resource = client.Resource(ConfigMaps);
        var original = await resource.CreateAsync(ResourceClientTests.ConfigMap("reborn", "1"), ns);
        await using var informer = new Informer<JsonObject>(resource, new InformerOptions { Namespace = ns });
        using var cts = new CancellationTokenSource(WaitFor.DefaultTimeout);
        var run = informer.RunAsync(cts.Token);
        await informer.WaitForSyncAsync(cts.Token);
        var events = informer.Subscribe(replay: false);
        await handler.Held.WaitAsync(cts.Token);

        await resource.DeleteAsync("reborn", ns);
        var recreated = await resource.CreateAsync(ResourceClientTests.ConfigMap("reborn", "2"), ns);
        handler.Release();

        var seen = await ReadUntilAsync(events, e => e.Type == InformerEventType.Added, cts.Token);
        Assert.Equal([InformerEventType.Deleted, InformerEventType.Added], seen.Select(e => e.Type));
        Assert.Equal(original["metadata"]!["uid"]!.GetValue<string>(), seen[0].Object["metadata"]!["uid"]!.GetValue<string>());
        Assert.Equal(recreated["metadata"]!["uid"]!.GetValue<string>(), seen[1].Object["metadata"]!["uid"]!.GetValue<string>());
        await cts.CancelAsync();
        await run;
    }

    [Fact]
    public async Task Informer_ResyncsPeriodically()
    {
        var ns = await fixture.Cluster.CreateNamespaceAsync("resync");
        var resource = fixture.Client.Resource(ConfigMaps);
        await resource.CreateAsync(ResourceClientTests.ConfigMap("periodic", "1"), ns);
        await using var informer = new Informer<JsonObject>(resource, new InformerOptions { Namespace = ns, ResyncPeriod = TimeSpan.FromMilliseconds(100) });
        using var cts = new CancellationTokenSource(WaitFor.DefaultTimeout);
        var events = informer.Subscribe();
        var run = informer.RunAsync(cts.Token);

        var seen = await ReadUntilAsync(events, e => e.IsResync && e.Key == $"{ns}/periodic", cts.Token);

        Assert.Equal(InformerEventType.Updated, seen[^1].Type);
        await cts.CancelAsync();
        await run;
    }

    [Fact]
    public async Task Factory_SharesOneInformerPerResourceAndSelector()
    {
        await using var factory = new InformerFactory(fixture.Client);

        var a = factory.For(ConfigMaps, new InformerOptions { Namespace = "x" });
        var b = factory.For(ConfigMaps, new InformerOptions { Namespace = "x" });
        var c = factory.For(ConfigMaps, new InformerOptions { Namespace = "y" });

        Assert.Same(a, b);
        Assert.NotSame(a, c);
    }

    private static async Task<List<InformerEvent<JsonObject>>> ReadUntilAsync(ChannelReader<InformerEvent<JsonObject>> events, Func<InformerEvent<JsonObject>, bool> done, CancellationToken cancellationToken)
    {
        var seen = new List<InformerEvent<JsonObject>>();
        await foreach (var e in events.ReadAllAsync(cancellationToken))
        {
            seen.Add(e);
            if (done(e))
            {
                break;
            }
        }

        return seen;
    }
}
