using System.Net;
using System.Text.Json.Nodes;
using KubeBind.Testing;

namespace KubeBind.DevApiServer.Tests.Conformance;

/// <summary>Namespaces, finalizers and garbage collection: the asynchronous parts of deletion.</summary>
[Collection(ClusterCollection.Name)]
public sealed class LifecycleTests(TestCluster cluster)
{
    private ClusterClient Client => cluster.Client;

    [Fact]
    public async Task SystemNamespaces_Exist_AndKubeSystemUidIsStable()
    {
        var first = (await Client.GetAsync("/api/v1/namespaces/kube-system")).EnsureSuccess().Body;
        var second = (await Client.GetAsync("/api/v1/namespaces/kube-system")).EnsureSuccess().Body;

        foreach (var name in new[] { "default", "kube-public", "kube-node-lease" })
        {
            Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/v1/namespaces/{name}")).StatusCode);
        }

        Assert.Equal(first["metadata"]!["uid"]!.GetValue<string>(), second["metadata"]!["uid"]!.GetValue<string>());
        Assert.Equal("Active", first["status"]!["phase"]!.GetValue<string>());
    }

    [Fact]
    public async Task Namespace_GetsADefaultServiceAccount()
    {
        var ns = await cluster.CreateNamespaceAsync();

        await WaitFor.ConditionAsync(
            async () => (await Client.GetAsync($"/api/v1/namespaces/{ns}/serviceaccounts/default")).IsSuccess,
            "the default service account");
    }

    [Fact]
    public async Task Namespace_GetsTheRootCaConfigMap()
    {
        var ns = await cluster.CreateNamespaceAsync();

        var configMap = await WaitFor.ValueAsync(
            async () => (await Client.GetAsync($"{Objects.ConfigMaps(ns)}/kube-root-ca.crt")) is { IsSuccess: true } r ? r.Body : null,
            "kube-root-ca.crt to be published");

        Assert.Contains("BEGIN CERTIFICATE", configMap["data"]!["ca.crt"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NamespaceDeletion_RemovesContentThenTheNamespace()
    {
        var ns = await cluster.CreateNamespaceAsync();
        await Client.CreateAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("content"));

        var deleting = (await Client.DeleteAsync($"/api/v1/namespaces/{ns}")).EnsureSuccess().Body;

        Assert.Equal("Terminating", deleting["status"]!["phase"]!.GetValue<string>());
        await WaitFor.ConditionAsync(
            async () => (await Client.GetAsync($"/api/v1/namespaces/{ns}")).StatusCode == HttpStatusCode.NotFound,
            $"namespace {ns} to disappear",
            TimeSpan.FromSeconds(60));
        Assert.Empty((await Client.GetAsync(Objects.ConfigMaps(ns))).Body["items"]!.AsArray());
    }

    [Fact]
    public async Task TerminatingNamespace_RejectsNewContent()
    {
        var ns = await cluster.CreateNamespaceAsync();
        await Client.CreateAsync(Objects.ConfigMaps(ns), WithFinalizer(Objects.ConfigMap("blocker"), "example.com/hold"));
        (await Client.DeleteAsync($"/api/v1/namespaces/{ns}")).EnsureSuccess();

        var response = await Client.PostAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("late"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await Client.PatchAsync($"{Objects.ConfigMaps(ns)}/blocker", "application/merge-patch+json", JsonNode.Parse("""{"metadata":{"finalizers":null}}""")!);
        await WaitFor.ConditionAsync(
            async () => (await Client.GetAsync($"/api/v1/namespaces/{ns}")).StatusCode == HttpStatusCode.NotFound,
            $"namespace {ns} to finish terminating",
            TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Finalizers_HoldDeletion_UntilRemoved()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var path = $"{Objects.ConfigMaps(ns)}/held";
        await Client.CreateAsync(Objects.ConfigMaps(ns), WithFinalizer(Objects.ConfigMap("held"), "example.com/hold"));

        var deleted = (await Client.DeleteAsync(path)).EnsureSuccess().Body;
        var stillThere = (await Client.GetAsync(path)).EnsureSuccess().Body;
        var addFinalizer = await Client.PatchAsync(path, "application/json-patch+json", JsonNode.Parse("""[{"op":"add","path":"/metadata/finalizers/-","value":"example.com/another"}]""")!);
        (await Client.PatchAsync(path, "application/merge-patch+json", JsonNode.Parse("""{"metadata":{"finalizers":null}}""")!)).EnsureSuccess();

        Assert.NotNull(deleted["metadata"]!["deletionTimestamp"]);
        Assert.NotNull(stillThere["metadata"]!["deletionTimestamp"]);
        Assert.Equal(422, addFinalizer.Code);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task GarbageCollector_DeletesDependents_InTheBackground()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var owner = await Client.CreateAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("owner"));
        await Client.CreateAsync(Objects.ConfigMaps(ns), OwnedBy(Objects.ConfigMap("dependent"), owner));

        (await Client.DeleteAsync($"{Objects.ConfigMaps(ns)}/owner")).EnsureSuccess();

        await WaitFor.ConditionAsync(
            async () => (await Client.GetAsync($"{Objects.ConfigMaps(ns)}/dependent")).StatusCode == HttpStatusCode.NotFound,
            "the dependent to be collected");
    }

    [Fact]
    public async Task GarbageCollector_OrphansDependents_WhenAsked()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var owner = await Client.CreateAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("owner"));
        await Client.CreateAsync(Objects.ConfigMaps(ns), OwnedBy(Objects.ConfigMap("orphan"), owner));

        (await Client.DeleteAsync($"{Objects.ConfigMaps(ns)}/owner", new JsonObject { ["kind"] = "DeleteOptions", ["apiVersion"] = "v1", ["propagationPolicy"] = "Orphan" })).EnsureSuccess();

        await WaitFor.ConditionAsync(
            async () => (await Client.GetAsync($"{Objects.ConfigMaps(ns)}/owner")).StatusCode == HttpStatusCode.NotFound,
            "the owner to be deleted");
        var orphan = (await Client.GetAsync($"{Objects.ConfigMaps(ns)}/orphan")).EnsureSuccess().Body;
        Assert.Null(orphan["metadata"]!["ownerReferences"]);
    }

    [Fact]
    public async Task GarbageCollector_DeletesTheOwnerLast_InForeground()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var owner = await Client.CreateAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("owner"));
        await Client.CreateAsync(Objects.ConfigMaps(ns), WithFinalizer(OwnedBy(Objects.ConfigMap("slow"), owner, blockOwnerDeletion: true), "example.com/slow"));

        (await Client.DeleteAsync($"{Objects.ConfigMaps(ns)}/owner", new JsonObject { ["kind"] = "DeleteOptions", ["apiVersion"] = "v1", ["propagationPolicy"] = "Foreground" })).EnsureSuccess();

        await WaitFor.ConditionAsync(
            async () => (await Client.GetAsync($"{Objects.ConfigMaps(ns)}/slow")).Body["metadata"]?["deletionTimestamp"] is not null,
            "the dependent to be marked for deletion");
        var ownerWhileBlocked = (await Client.GetAsync($"{Objects.ConfigMaps(ns)}/owner")).EnsureSuccess().Body;
        Assert.Contains("foregroundDeletion", ownerWhileBlocked["metadata"]!["finalizers"]!.AsArray().Select(f => f!.GetValue<string>()));
        (await Client.PatchAsync($"{Objects.ConfigMaps(ns)}/slow", "application/merge-patch+json", JsonNode.Parse("""{"metadata":{"finalizers":null}}""")!)).EnsureSuccess();
        await WaitFor.ConditionAsync(
            async () => (await Client.GetAsync($"{Objects.ConfigMaps(ns)}/owner")).StatusCode == HttpStatusCode.NotFound,
            "the owner to go once its dependent is gone");
    }

    private static JsonObject WithFinalizer(JsonObject obj, string finalizer)
    {
        obj["metadata"]!["finalizers"] = new JsonArray(finalizer);
        return obj;
    }

    private static JsonObject OwnedBy(JsonObject obj, JsonObject owner, bool blockOwnerDeletion = false)
    {
        obj["metadata"]!["ownerReferences"] = new JsonArray(new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["name"] = owner["metadata"]!["name"]!.GetValue<string>(),
            ["uid"] = owner["metadata"]!["uid"]!.GetValue<string>(),
            ["blockOwnerDeletion"] = blockOwnerDeletion,
        });
        return obj;
    }
}
