using System.Text.Json.Nodes;
using KubeBind.Kubernetes.Models;
using KubeBind.Kubernetes.Rest;
using KubeBind.Testing;

namespace KubeBind.Kubernetes.Tests.Rest;

[Collection(ClientCollection.Name)]
public sealed class ResourceClientTests(ClientFixture fixture)
{
    private static readonly GroupVersionResource ConfigMaps = new(string.Empty, "v1", "configmaps");

    private ResourceClient<JsonObject> Resource => fixture.Client.Resource(ConfigMaps);

    [Fact]
    public async Task CreateGetUpdateDelete_RoundTripAndKeepUnknownFields()
    {
        var ns = await fixture.Cluster.CreateNamespaceAsync("client");
        var created = await Resource.CreateAsync(ConfigMap("crud", "1"), ns);

        created["data"]!["key"] = "2";
        var updated = await Resource.UpdateAsync(created);
        var fetched = await Resource.GetAsync("crud", ns);
        await Resource.DeleteAsync("crud", ns);
        var missing = await Assert.ThrowsAsync<KubernetesApiException>(() => Resource.GetAsync("crud", ns));

        Assert.Equal("2", updated["data"]!["key"]!.GetValue<string>());
        Assert.Equal(updated["metadata"]!["resourceVersion"]!.GetValue<string>(), fetched["metadata"]!["resourceVersion"]!.GetValue<string>());
        Assert.True(missing.IsNotFound);
        Assert.Equal("NotFound", missing.Reason);
    }

    [Fact]
    public async Task Update_ThrowsConflict_OnAStaleResourceVersion()
    {
        var ns = await fixture.Cluster.CreateNamespaceAsync("client");
        var created = await Resource.CreateAsync(ConfigMap("stale", "1"), ns);
        var copy = (JsonObject)created.DeepClone();
        created["data"]!["key"] = "2";
        await Resource.UpdateAsync(created);

        copy["data"]!["key"] = "3";
        var conflict = await Assert.ThrowsAsync<KubernetesApiException>(() => Resource.UpdateAsync(copy));

        Assert.True(conflict.IsConflict);
    }

    [Fact]
    public async Task Create_ThrowsInvalidWithCauses_ForABadName()
    {
        var ns = await fixture.Cluster.CreateNamespaceAsync("client");

        var invalid = await Assert.ThrowsAsync<KubernetesApiException>(() => Resource.CreateAsync(ConfigMap("Not_Valid", "1"), ns));

        Assert.True(invalid.IsInvalid);
        Assert.Contains(invalid.Causes, c => c.Field == "metadata.name");
    }

    [Fact]
    public async Task List_PagesTransparently_AndReturnsEveryObjectExactlyOnce()
    {
        var ns = await fixture.Cluster.CreateNamespaceAsync("client");
        for (var i = 0; i < 25; i++)
        {
            await Resource.CreateAsync(ConfigMap($"page-{i:00}", "x", paged: true), ns);
        }

        var all = await Resource.ListAsync(ns, new ListOptions { LabelSelector = "paged=true", Limit = 4 });

        Assert.Equal(25, all.Items.Count);
        Assert.Equal(25, all.Items.Select(i => i["metadata"]!["name"]!.GetValue<string>()).Distinct().Count());
        Assert.All(all.Items, i => Assert.Equal("ConfigMap", i["kind"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(all.ResourceVersion));
    }

    [Fact]
    public async Task ServerSideApply_SurfacesConflicts_AndForceTakesOwnership()
    {
        var ns = await fixture.Cluster.CreateNamespaceAsync("client");
        await Resource.ApplyAsync(ConfigMap("shared", "mine", ns: ns), "first");

        var conflict = await Assert.ThrowsAsync<KubernetesApiException>(() => Resource.ApplyAsync(ConfigMap("shared", "theirs", ns: ns), "second"));
        var forced = await Resource.ApplyAsync(ConfigMap("shared", "theirs", ns: ns), "second", force: true);

        Assert.True(conflict.IsConflict);
        Assert.Contains(conflict.Causes, c => c.Field == ".data.key");
        Assert.Equal("theirs", forced["data"]!["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_AppliesMergeAndJsonPatches()
    {
        var ns = await fixture.Cluster.CreateNamespaceAsync("client");
        await Resource.CreateAsync(ConfigMap("patched", "1"), ns);

        await Resource.PatchAsync("patched", PatchType.Merge, JsonNode.Parse("""{"data":{"merged":"yes"}}""")!, ns);
        var result = await Resource.PatchAsync("patched", PatchType.Json, JsonNode.Parse("""[{"op":"replace","path":"/data/key","value":"j"}]""")!, ns);

        Assert.Equal("yes", result["data"]!["merged"]!.GetValue<string>());
        Assert.Equal("j", result["data"]!["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task Watch_DeliversChangesInOrder_FromAListVersion()
    {
        var ns = await fixture.Cluster.CreateNamespaceAsync("client");
        var list = await Resource.ListAsync(ns);
        using var cts = new CancellationTokenSource(WaitFor.DefaultTimeout);
        var created = await Resource.CreateAsync(ConfigMap("watched", "1"), ns);
        created["data"]!["key"] = "2";
        await Resource.UpdateAsync(created);
        await Resource.DeleteAsync("watched", ns);

        var seen = new List<(WatchEventType, string)>();
        await foreach (var e in Resource.WatchAsync(ns, new WatchOptions { ResourceVersion = list.ResourceVersion }, cts.Token))
        {
            if (e.Type != WatchEventType.Bookmark && e.Object["metadata"]!["name"]!.GetValue<string>() == "watched")
            {
                seen.Add((e.Type, e.Object["data"]!["key"]!.GetValue<string>()));
            }

            if (seen.Count == 3)
            {
                break;
            }
        }

        Assert.Equal([(WatchEventType.Added, "1"), (WatchEventType.Modified, "2"), (WatchEventType.Deleted, "2")], seen);
    }

    [Fact]
    public async Task Watch_ThrowsGone_ForAnExpiredResourceVersion()
    {
        var ns = await fixture.Cluster.CreateNamespaceAsync("client");
        using var cts = new CancellationTokenSource(WaitFor.DefaultTimeout);

        var gone = await Assert.ThrowsAsync<KubernetesApiException>(async () =>
        {
            await foreach (var _ in Resource.WatchAsync(ns, new WatchOptions { ResourceVersion = "1" }, cts.Token))
            {
            }
        });

        Assert.True(gone.IsGone);
    }

    internal static JsonObject ConfigMap(string name, string value, bool paged = false, string? ns = null)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (ns is not null)
        {
            metadata["namespace"] = ns;
        }

        if (paged)
        {
            metadata["labels"] = new JsonObject { ["paged"] = "true" };
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = metadata,
            ["data"] = new JsonObject { ["key"] = value },
        };
    }
}
