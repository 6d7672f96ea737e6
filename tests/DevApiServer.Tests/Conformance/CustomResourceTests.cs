using System.Net;
using System.Text.Json.Nodes;
using KubeBind.Kubernetes.Models;
using KubeBind.Testing;

namespace KubeBind.DevApiServer.Tests.Conformance;

[Collection(ClusterCollection.Name)]
public sealed class CustomResourceTests(TestCluster cluster)
{
    private static readonly GroupVersionResource Crds = new("apiextensions.k8s.io", "v1", "customresourcedefinitions");

    private ClusterClient Client => cluster.Client;

    [Fact]
    public async Task Crd_IsEstablished_AndServedAtOnce()
    {
        var group = await CreateWidgetCrdAsync();
        var ns = await cluster.CreateNamespaceAsync();

        var crd = await WaitForEstablishedAsync(group);
        var discovery = (await Client.GetAsync($"/apis/{group}/v1")).EnsureSuccess().Body;
        var created = await Client.PostAsync($"/apis/{group}/v1/namespaces/{ns}/widgets", Objects.Widget(group, "v1", "w1"));

        var conditions = crd["status"]!["conditions"]!.AsArray().OfType<JsonObject>().ToDictionary(c => c["type"]!.GetValue<string>(), c => c["status"]!.GetValue<string>());
        Assert.Equal("True", conditions["NamesAccepted"]);
        Assert.Equal("True", conditions["Established"]);
        var resources = discovery["resources"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("widgets", resources);
        Assert.Contains("widgets/status", resources);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(1, created.Body["metadata"]!["generation"]!.GetValue<int>());
    }

    [Fact]
    public async Task StatusSubresource_SeparatesSpecAndStatus()
    {
        var group = await CreateWidgetCrdAsync();
        await WaitForEstablishedAsync(group);
        var ns = await cluster.CreateNamespaceAsync();
        var path = $"/apis/{group}/v1/namespaces/{ns}/widgets";
        var widget = Objects.Widget(group, "v1", "split");
        widget["status"] = new JsonObject { ["phase"] = "ignored-on-create" };
        var created = await Client.CreateAsync(path, widget);

        var viaStatus = (JsonObject)created.DeepClone();
        viaStatus["spec"]!["size"] = 99;
        viaStatus["status"] = new JsonObject { ["phase"] = "Ready" };
        var afterStatus = (await Client.PutAsync($"{path}/split/status", viaStatus)).EnsureSuccess().Body;
        var viaMain = (JsonObject)afterStatus.DeepClone();
        viaMain["spec"]!["size"] = 5;
        viaMain["status"] = new JsonObject { ["phase"] = "Hacked" };
        var afterMain = (await Client.PutAsync($"{path}/split", viaMain)).EnsureSuccess().Body;

        Assert.Null(created["status"]);
        Assert.Equal(1, afterStatus["spec"]!["size"]!.GetValue<int>());
        Assert.Equal("Ready", afterStatus["status"]!["phase"]!.GetValue<string>());
        Assert.Equal(1, afterStatus["metadata"]!["generation"]!.GetValue<int>());
        Assert.Equal(5, afterMain["spec"]!["size"]!.GetValue<int>());
        Assert.Equal("Ready", afterMain["status"]!["phase"]!.GetValue<string>());
        Assert.Equal(2, afterMain["metadata"]!["generation"]!.GetValue<int>());
    }

    [Fact]
    public async Task Generation_DoesNotMove_OnMetadataOnlyChanges()
    {
        var group = await CreateWidgetCrdAsync();
        await WaitForEstablishedAsync(group);
        var ns = await cluster.CreateNamespaceAsync();
        var path = $"/apis/{group}/v1/namespaces/{ns}/widgets";
        await Client.CreateAsync(path, Objects.Widget(group, "v1", "meta"));

        var labelled = (await Client.PatchAsync($"{path}/meta", "application/merge-patch+json", JsonNode.Parse("""{"metadata":{"labels":{"a":"b"}}}""")!)).EnsureSuccess().Body;

        Assert.Equal(1, labelled["metadata"]!["generation"]!.GetValue<int>());
        Assert.Equal("b", labelled["metadata"]!["labels"]!["a"]!.GetValue<string>());
    }

    [Fact]
    public async Task Versions_ServeTheSameObject_WithApiVersionRewritten()
    {
        var group = await CreateWidgetCrdAsync(versions: ["v1", "v1beta1"]);
        await WaitForEstablishedAsync(group);
        var ns = await cluster.CreateNamespaceAsync();
        await Client.CreateAsync($"/apis/{group}/v1beta1/namespaces/{ns}/widgets", Objects.Widget(group, "v1beta1", "multi"));

        var asV1 = (await Client.GetAsync($"/apis/{group}/v1/namespaces/{ns}/widgets/multi")).EnsureSuccess().Body;
        var asBeta = (await Client.GetAsync($"/apis/{group}/v1beta1/namespaces/{ns}/widgets/multi")).EnsureSuccess().Body;
        var groupDoc = (await Client.GetAsync($"/apis/{group}")).EnsureSuccess().Body;

        Assert.Equal($"{group}/v1", asV1["apiVersion"]!.GetValue<string>());
        Assert.Equal($"{group}/v1beta1", asBeta["apiVersion"]!.GetValue<string>());
        Assert.Equal(asV1["metadata"]!["uid"]!.GetValue<string>(), asBeta["metadata"]!["uid"]!.GetValue<string>());
        Assert.Equal($"{group}/v1", groupDoc["preferredVersion"]!["groupVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task StrategicMergePatch_IsUnsupported_ForCustomResources()
    {
        var group = await CreateWidgetCrdAsync();
        await WaitForEstablishedAsync(group);
        var ns = await cluster.CreateNamespaceAsync();
        var path = $"/apis/{group}/v1/namespaces/{ns}/widgets";
        await Client.CreateAsync(path, Objects.Widget(group, "v1", "smp"));

        var response = await Client.PatchAsync($"{path}/smp", "application/strategic-merge-patch+json", JsonNode.Parse("""{"spec":{"size":2}}""")!);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task DeletingTheCrd_DeletesItsObjects_AndStopsServingIt()
    {
        var group = await CreateWidgetCrdAsync();
        await WaitForEstablishedAsync(group);
        var ns = await cluster.CreateNamespaceAsync();
        await Client.CreateAsync($"/apis/{group}/v1/namespaces/{ns}/widgets", Objects.Widget(group, "v1", "doomed"));

        (await Client.DeleteAsync($"/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.{group}")).EnsureSuccess();

        await WaitFor.ConditionAsync(
            async () => (await Client.GetAsync($"/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.{group}")).StatusCode == HttpStatusCode.NotFound,
            "the CRD to be deleted");
        await WaitFor.ConditionAsync(
            async () => (await Client.GetAsync($"/apis/{group}/v1/namespaces/{ns}/widgets")).StatusCode == HttpStatusCode.NotFound,
            "the API to stop being served");
    }

    [Fact]
    public async Task Crd_IsRejected_WhenItHasNoStorageVersion()
    {
        var group = $"{TestCluster.UniqueName("bad")}.example.com";
        var crd = Objects.WidgetCrd(group);
        crd["spec"]!["versions"]![0]!["storage"] = false;

        var response = await Client.PostAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd);

        Assert.Equal(422, response.Code);
        Assert.Contains("spec.versions", response.CauseFields);
    }

    [Fact]
    public async Task Crd_InAProtectedGroup_NeedsTheApprovalAnnotation()
    {
        var crd = Objects.WidgetCrd($"{TestCluster.UniqueName("p")}.k8s.io");

        var response = await Client.PostAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd);

        Assert.Equal(422, response.Code);
        Assert.Contains("metadata.annotations[api-approved.kubernetes.io]", response.CauseFields);
    }

    [Fact]
    public async Task Update_WithoutResourceVersion_IsInvalid_ForCustomResources()
    {
        var group = await CreateWidgetCrdAsync();
        await WaitForEstablishedAsync(group);
        var ns = await cluster.CreateNamespaceAsync();
        var path = $"/apis/{group}/v1/namespaces/{ns}/widgets";
        var created = await Client.CreateAsync(path, Objects.Widget(group, "v1", "unconditional"));
        created["metadata"]!.AsObject().Remove("resourceVersion");
        created["spec"]!["size"] = 7;

        var response = await Client.PutAsync($"{path}/unconditional", created);

        Assert.Equal(422, response.Code);
        Assert.Contains("metadata.resourceVersion", response.CauseFields);
    }

    [Fact]
    public async Task StorageVersionChange_ServesOldObjectsWithTheRequestedApiVersion()
    {
        var group = await CreateWidgetCrdAsync(versions: ["v1", "v2"]);
        await WaitForEstablishedAsync(group);
        var ns = await cluster.CreateNamespaceAsync();
        await Client.CreateAsync($"/apis/{group}/v1/namespaces/{ns}/widgets", Objects.Widget(group, "v1", "old"));
        var crdPath = $"/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.{group}";
        (await Client.PatchAsync(crdPath, "application/json-patch+json", JsonNode.Parse("""
            [{"op":"replace","path":"/spec/versions/0/storage","value":false},{"op":"replace","path":"/spec/versions/1/storage","value":true}]
            """)!)).EnsureSuccess();

        var viaV2 = await WaitFor.ValueAsync(
            async () => (await Client.GetAsync($"/apis/{group}/v2/namespaces/{ns}/widgets/old")) is { IsSuccess: true } r ? r.Body : null,
            "the object to be served through v2");
        var listed = (await Client.GetAsync($"/apis/{group}/v2/namespaces/{ns}/widgets")).EnsureSuccess().Body;

        Assert.Equal($"{group}/v2", viaV2["apiVersion"]!.GetValue<string>());
        Assert.Equal($"{group}/v2", listed["items"]![0]!["apiVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeletingACrd_WhoseStorageVersionIsNotServed_StillCompletes()
    {
        var group = $"{TestCluster.UniqueName("unserved")}.example.com";
        var crd = Objects.WidgetCrd(group, versions: ["v1", "v2"]);
        crd["spec"]!["versions"]![0]!["served"] = false;
        await Client.CreateAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd);
        cluster.DeleteLater($"/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.{group}");
        await WaitForEstablishedAsync(group);
        var ns = await cluster.CreateNamespaceAsync();
        await WaitFor.ConditionAsync(async () => (await Client.GetAsync($"/apis/{group}/v2/namespaces/{ns}/widgets")).IsSuccess, "v2 to be served");
        await Client.CreateAsync($"/apis/{group}/v2/namespaces/{ns}/widgets", Objects.Widget(group, "v2", "stored-as-v1"));

        (await Client.DeleteAsync($"/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.{group}")).EnsureSuccess();

        await WaitFor.ConditionAsync(
            async () => (await Client.GetAsync($"/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.{group}")).StatusCode == HttpStatusCode.NotFound,
            "the CRD to be deleted");
    }

    [Fact]
    public async Task MarkingForDeletion_BumpsGeneration()
    {
        var group = await CreateWidgetCrdAsync();
        await WaitForEstablishedAsync(group);
        var ns = await cluster.CreateNamespaceAsync();
        var path = $"/apis/{group}/v1/namespaces/{ns}/widgets";
        var widget = Objects.Widget(group, "v1", "held");
        widget["metadata"]!["finalizers"] = new JsonArray("example.com/hold");
        await Client.CreateAsync(path, widget);

        var deleting = (await Client.DeleteAsync($"{path}/held")).EnsureSuccess().Body;
        await Client.PatchAsync($"{path}/held", "application/merge-patch+json", JsonNode.Parse("""{"metadata":{"finalizers":null}}""")!);

        Assert.Equal(2, deleting["metadata"]!["generation"]!.GetValue<int>());
    }

    private async Task<string> CreateWidgetCrdAsync(string[]? versions = null)
    {
        var group = $"{TestCluster.UniqueName("w")}.example.com";
        await cluster.Kube.Resource(Crds).CreateAsync(Objects.WidgetCrd(group, versions: versions));
        cluster.DeleteLater($"/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.{group}");
        return group;
    }

    private Task<JsonObject> WaitForEstablishedAsync(string group) =>
        WaitFor.ValueAsync(
            async () =>
            {
                var crd = await cluster.Kube.Resource(Crds).GetAsync($"widgets.{group}");
                var established = (crd["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>()
                    .Any(c => c["type"]!.GetValue<string>() == "Established" && c["status"]!.GetValue<string>() == "True") == true;
                return established ? crd : null;
            },
            $"CRD widgets.{group} to be established");
}
