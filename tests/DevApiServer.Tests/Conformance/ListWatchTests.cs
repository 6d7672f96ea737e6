using System.Net;
using System.Text.Json.Nodes;
using KubeBind.Testing;

namespace KubeBind.DevApiServer.Tests.Conformance;

[Collection(ClusterCollection.Name)]
public sealed class ListWatchTests(TestCluster cluster)
{
    private static readonly TimeSpan WatchDeadline = TimeSpan.FromSeconds(20);

    // Real clusters publish kube-root-ca.crt into every namespace; seeded objects carry this label to tell them apart.
    private const string Seeded = "seeded";

    private ClusterClient Client => cluster.Client;

    public static TheoryData<string, string[]> Selectors => new()
    {
        { "app=web", ["web-prod", "web-dev"] },
        { "app==web,env=prod", ["web-prod"] },
        { "app!=web", ["db-prod", "plain"] },
        { "env in (prod,dev)", ["web-prod", "web-dev", "db-prod"] },
        { "env notin (prod)", ["web-dev", "plain"] },
        { "env", ["web-prod", "web-dev", "db-prod"] },
        { "!env", ["plain"] },
    };

    [Theory]
    [MemberData(nameof(Selectors))]
    public async Task List_FiltersByLabelSelector(string selector, string[] expected)
    {
        var ns = await SeedLabelledAsync();

        var response = await Client.GetAsync($"{Objects.ConfigMaps(ns)}?labelSelector={Uri.EscapeDataString($"{Seeded},{selector}")}");

        Assert.Equal(expected.Order(), Names(response.EnsureSuccess().Body).Order());
    }

    [Fact]
    public async Task List_ReturnsBadRequest_ForAMalformedLabelSelector()
    {
        var ns = await cluster.CreateNamespaceAsync();

        var response = await Client.GetAsync($"{Objects.ConfigMaps(ns)}?labelSelector={Uri.EscapeDataString("a in (b")}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task List_FiltersByFieldSelector_OnNameAndNamespace()
    {
        var ns = await SeedLabelledAsync();

        var byName = await Client.GetAsync($"{Objects.ConfigMaps(ns)}?fieldSelector={Uri.EscapeDataString("metadata.name=plain")}");
        var notName = await Client.GetAsync($"{Objects.ConfigMaps(ns)}?labelSelector={Seeded}&fieldSelector={Uri.EscapeDataString("metadata.name!=plain")}");
        var acrossNamespaces = await Client.GetAsync($"/api/v1/configmaps?labelSelector={Seeded}&fieldSelector={Uri.EscapeDataString($"metadata.namespace={ns}")}");

        Assert.Equal(["plain"], Names(byName.Body));
        Assert.Equal(3, Names(notName.Body).Count);
        Assert.Equal(4, Names(acrossNamespaces.Body).Count);
    }

    [Fact]
    public async Task List_SupportsTypeSpecificFieldSelectors_AndRejectsUnknownLabels()
    {
        var ns = await cluster.CreateNamespaceAsync();
        foreach (var (name, kind) in new[] { ("about-pod", "Pod"), ("about-cm", "ConfigMap") })
        {
            await Client.CreateAsync($"/api/v1/namespaces/{ns}/events", new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Event",
                ["metadata"] = new JsonObject { ["name"] = name },
                ["involvedObject"] = new JsonObject { ["kind"] = kind, ["name"] = "thing", ["namespace"] = ns },
                ["reason"] = "Tested",
                ["type"] = "Normal",
            });
        }

        var pods = await Client.GetAsync($"/api/v1/namespaces/{ns}/events?fieldSelector={Uri.EscapeDataString("involvedObject.kind=Pod,reason=Tested")}");
        var unknown = await Client.GetAsync($"/api/v1/namespaces/{ns}/events?fieldSelector={Uri.EscapeDataString("spec.nothing=x")}");
        var opaque = await Client.GetAsync($"/api/v1/namespaces/{ns}/secrets?fieldSelector={Uri.EscapeDataString("type=Opaque")}");

        Assert.Equal(["about-pod"], Names(pods.EnsureSuccess().Body));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, opaque.StatusCode);
    }

    [Fact]
    public async Task List_ReturnsEveryObjectExactlyOnce_WhenPaging()
    {
        var ns = await cluster.CreateNamespaceAsync();
        for (var i = 0; i < 23; i++)
        {
            await Client.CreateAsync(Objects.ConfigMaps(ns), Objects.ConfigMap($"page-{i:00}", labels: new Dictionary<string, string> { ["paged"] = "true" }));
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var path = $"{Objects.ConfigMaps(ns)}?labelSelector=paged&limit=5" + (token is null ? string.Empty : $"&continue={Uri.EscapeDataString(token)}");
            var page = (await Client.GetAsync(path)).EnsureSuccess().Body;
            var names = Names(page);
            Assert.True(names.Count <= 5);
            seen.AddRange(names);
            token = page["metadata"]!["continue"]?.GetValue<string>();
            if (string.IsNullOrEmpty(token))
            {
                token = null;
            }

            pages++;
        }
        while (token is not null && pages < 20);

        Assert.Equal(5, pages);
        Assert.Equal(23, seen.Count);
        Assert.Equal(23, seen.Distinct().Count());
    }

    [Fact]
    public async Task List_PagesShowTheFirstPagesSnapshot_WhileTheCollectionChanges()
    {
        var ns = await cluster.CreateNamespaceAsync();
        for (var i = 0; i < 10; i++)
        {
            await Client.CreateAsync(Objects.ConfigMaps(ns), Objects.ConfigMap($"snap-{i}", labels: new Dictionary<string, string> { ["snap"] = "true" }));
        }

        var first = (await Client.GetAsync($"{Objects.ConfigMaps(ns)}?labelSelector=snap&limit=4")).EnsureSuccess().Body;
        await Client.CreateAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("snap-new", labels: new Dictionary<string, string> { ["snap"] = "true" }));
        (await Client.DeleteAsync($"{Objects.ConfigMaps(ns)}/snap-8")).EnsureSuccess();
        (await Client.PatchAsync($"{Objects.ConfigMaps(ns)}/snap-9", "application/merge-patch+json", JsonNode.Parse("""{"data":{"key":"changed"}}""")!)).EnsureSuccess();

        var seen = Names(first);
        var values = new Dictionary<string, string>();
        var token = first["metadata"]!["continue"]!.GetValue<string>();
        while (!string.IsNullOrEmpty(token))
        {
            var page = (await Client.GetAsync($"{Objects.ConfigMaps(ns)}?labelSelector=snap&limit=4&continue={Uri.EscapeDataString(token)}")).EnsureSuccess().Body;
            foreach (var item in page["items"]!.AsArray())
            {
                values[item!["metadata"]!["name"]!.GetValue<string>()] = item["data"]!["key"]!.GetValue<string>();
            }

            seen.AddRange(Names(page));
            Assert.Equal(first["metadata"]!["resourceVersion"]!.GetValue<string>(), page["metadata"]!["resourceVersion"]!.GetValue<string>());
            token = page["metadata"]!["continue"]?.GetValue<string>();
        }

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"snap-{i}").Order(), seen.Order());
        Assert.Equal("value", values["snap-9"]);
    }

    [Fact]
    public async Task Watch_FromZero_StartsWithAddedForExistingObjects()
    {
        var ns = await SeedLabelledAsync();
        using var cts = new CancellationTokenSource(WatchDeadline);

        var added = new List<string>();
        await foreach (var (type, obj) in Client.WatchAsync($"{Objects.ConfigMaps(ns)}?watch=true&resourceVersion=0&labelSelector={Seeded}", cts.Token))
        {
            Assert.Equal("ADDED", type);
            added.Add(obj["metadata"]!["name"]!.GetValue<string>());
            if (added.Count == 4)
            {
                break;
            }
        }

        Assert.Equal(["db-prod", "plain", "web-dev", "web-prod"], added.Order());
    }

    [Fact]
    public async Task Watch_FromAListVersion_DeliversLaterChangesInOrder()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var list = (await Client.GetAsync(Objects.ConfigMaps(ns))).Body;
        var rv = list["metadata"]!["resourceVersion"]!.GetValue<string>();
        var created = await Client.CreateAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("w"));
        created["data"]!["key"] = "changed";
        (await Client.PutAsync($"{Objects.ConfigMaps(ns)}/w", created)).EnsureSuccess();
        (await Client.DeleteAsync($"{Objects.ConfigMaps(ns)}/w")).EnsureSuccess();
        using var cts = new CancellationTokenSource(WatchDeadline);

        var events = new List<(string Type, string Value)>();
        await foreach (var (type, obj) in Client.WatchAsync($"{Objects.ConfigMaps(ns)}?watch=1&resourceVersion={rv}", cts.Token))
        {
            events.Add((type, obj["data"]?["key"]?.GetValue<string>() ?? string.Empty));
            if (events.Count == 3)
            {
                break;
            }
        }

        Assert.Equal([("ADDED", "value"), ("MODIFIED", "changed"), ("DELETED", "changed")], events);
    }

    [Fact]
    public async Task Watch_WithLabelSelector_SeesObjectsEnterAndLeave()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var rv = (await Client.GetAsync(Objects.ConfigMaps(ns))).Body["metadata"]!["resourceVersion"]!.GetValue<string>();
        var obj = await Client.CreateAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("mover"));
        obj["metadata"]!["labels"] = new JsonObject { ["watched"] = "yes" };
        obj = (await Client.PutAsync($"{Objects.ConfigMaps(ns)}/mover", obj)).EnsureSuccess().Body;
        obj["metadata"]!["labels"] = new JsonObject { ["watched"] = "no" };
        (await Client.PutAsync($"{Objects.ConfigMaps(ns)}/mover", obj)).EnsureSuccess();
        using var cts = new CancellationTokenSource(WatchDeadline);

        var events = new List<(string Type, JsonObject Object)>();
        await foreach (var e in Client.WatchAsync($"{Objects.ConfigMaps(ns)}?watch=true&labelSelector=watched%3Dyes&resourceVersion={rv}", cts.Token))
        {
            events.Add(e);
            if (events.Count == 2)
            {
                break;
            }
        }

        Assert.Equal(["ADDED", "DELETED"], events.Select(e => e.Type));
        // The DELETED event shows the last state the watcher saw, at the newest resourceVersion.
        Assert.Equal("yes", events[1].Object["metadata"]!["labels"]!["watched"]!.GetValue<string>());
        Assert.True(
            long.Parse(events[1].Object["metadata"]!["resourceVersion"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) >
            long.Parse(events[0].Object["metadata"]!["resourceVersion"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Watch_EndsAfterTimeoutSeconds()
    {
        var ns = await cluster.CreateNamespaceAsync();
        using var cts = new CancellationTokenSource(WatchDeadline);

        var count = 0;
        await foreach (var _ in Client.WatchAsync($"{Objects.ConfigMaps(ns)}?watch=true&timeoutSeconds=1&labelSelector={Seeded}", cts.Token))
        {
            count++;
        }

        Assert.False(cts.IsCancellationRequested);
        Assert.Equal(0, count);
    }

    [Fact]
    public async Task Watch_ReturnsExpired_ForAResourceVersionOlderThanHistory()
    {
        var ns = await cluster.CreateNamespaceAsync();
        using var cts = new CancellationTokenSource(WatchDeadline);

        JsonObject? error = null;
        await foreach (var (type, obj) in Client.WatchAsync($"{Objects.ConfigMaps(ns)}?watch=true&resourceVersion=1", cts.Token))
        {
            Assert.Equal("ERROR", type);
            error = obj;
            break;
        }

        Assert.NotNull(error);
        Assert.Equal(410, error["code"]!.GetValue<int>());
        Assert.Equal("Expired", error["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Watch_SendsInitialEventsEndBookmark_WhenAsked()
    {
        var ns = await SeedLabelledAsync();
        using var cts = new CancellationTokenSource(WatchDeadline);

        var added = 0;
        JsonObject? bookmark = null;
        var path = $"{Objects.ConfigMaps(ns)}?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true&labelSelector={Seeded}";
        await foreach (var (type, obj) in Client.WatchAsync(path, cts.Token))
        {
            if (type == "ADDED")
            {
                added++;
                continue;
            }

            Assert.Equal("BOOKMARK", type);
            bookmark = obj;
            break;
        }

        Assert.Equal(4, added);
        Assert.Equal("true", bookmark!["metadata"]!["annotations"]!["k8s.io/initial-events-end"]!.GetValue<string>());
    }

    private async Task<string> SeedLabelledAsync()
    {
        var ns = await cluster.CreateNamespaceAsync();
        await Client.CreateAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("web-prod", labels: new Dictionary<string, string> { [Seeded] = "true", ["app"] = "web", ["env"] = "prod" }));
        await Client.CreateAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("web-dev", labels: new Dictionary<string, string> { [Seeded] = "true", ["app"] = "web", ["env"] = "dev" }));
        await Client.CreateAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("db-prod", labels: new Dictionary<string, string> { [Seeded] = "true", ["app"] = "db", ["env"] = "prod" }));
        await Client.CreateAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("plain", labels: new Dictionary<string, string> { [Seeded] = "true" }));
        return ns;
    }

    private static List<string> Names(JsonObject list) =>
        list["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>()).ToList();
}
