using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KubeBind.Testing;

namespace KubeBind.DevApiServer.Tests.Conformance;

[Collection(ClusterCollection.Name)]
public sealed class PatchAndApplyTests(TestCluster cluster)
{
    private const string ApplyType = "application/apply-patch+yaml";

    private ClusterClient Client => cluster.Client;

    [Fact]
    public async Task MergePatch_MergesMapsAndDeletesNulls()
    {
        var ns = await cluster.CreateNamespaceAsync();
        await Client.CreateAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("m", new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }));

        var patched = (await Client.PatchAsync($"{Objects.ConfigMaps(ns)}/m", "application/merge-patch+json", JsonNode.Parse("""{"data":{"a":null,"c":"3"}}""")!)).EnsureSuccess().Body;

        Assert.Null(patched["data"]!["a"]);
        Assert.Equal("2", patched["data"]!["b"]!.GetValue<string>());
        Assert.Equal("3", patched["data"]!["c"]!.GetValue<string>());
    }

    [Fact]
    public async Task JsonPatch_AppliesOperations_AndFailsAtomicallyOnAFailedTest()
    {
        var ns = await cluster.CreateNamespaceAsync();
        await Client.CreateAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("j"));
        var path = $"{Objects.ConfigMaps(ns)}/j";

        var ok = await Client.PatchAsync(path, "application/json-patch+json", JsonNode.Parse("""[{"op":"add","path":"/data/new","value":"x"},{"op":"replace","path":"/data/key","value":"y"}]""")!);
        var failed = await Client.PatchAsync(path, "application/json-patch+json", JsonNode.Parse("""[{"op":"replace","path":"/data/key","value":"z"},{"op":"test","path":"/data/key","value":"nope"}]""")!);
        var malformed = await Client.PatchAsync(path, "application/json-patch+json", JsonNode.Parse("""{"op":"add"}""")!);

        Assert.Equal("y", ok.EnsureSuccess().Body["data"]!["key"]!.GetValue<string>());
        Assert.Equal(422, failed.Code);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("y", (await Client.GetAsync(path)).Body["data"]!["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task StrategicMergePatch_MergesOwnerReferencesByUid()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var a = await Client.CreateAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("owner-a"));
        var b = await Client.CreateAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("owner-b"));
        await Client.CreateAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("child"));
        var path = $"{Objects.ConfigMaps(ns)}/child";

        await Client.PatchAsync(path, "application/strategic-merge-patch+json", OwnerPatch(a));
        var patched = (await Client.PatchAsync(path, "application/strategic-merge-patch+json", OwnerPatch(b))).EnsureSuccess().Body;

        Assert.Equal(2, patched["metadata"]!["ownerReferences"]!.AsArray().Count);
    }

    [Fact]
    public async Task ServerSideApply_CreatesTracksConflictsAndForces()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var path = $"{Objects.ConfigMaps(ns)}/ssa";

        var created = await ApplyAsync(path, "first", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"ssa"},"data":{"shared":"1","mine":"a"}}""");
        var conflict = await ApplyAsync(path, "second", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"ssa"},"data":{"shared":"2"}}""");
        var sameValue = await ApplyAsync(path, "second", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"ssa"},"data":{"shared":"1","theirs":"b"}}""");
        var forced = await ApplyAsync(path, "second", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"ssa"},"data":{"shared":"2","theirs":"b"}}""", force: true);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("first", created.Body["metadata"]!["managedFields"]![0]!["manager"]!.GetValue<string>());
        Assert.Equal("Apply", created.Body["metadata"]!["managedFields"]![0]!["operation"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains(".data.shared", conflict.CauseFields);
        Assert.Contains("first", conflict.Body["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, sameValue.StatusCode);
        Assert.Equal("2", forced.EnsureSuccess().Body["data"]!["shared"]!.GetValue<string>());
    }

    [Fact]
    public async Task ServerSideApply_RemovesFieldsTheManagerStopsApplying()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var path = $"{Objects.ConfigMaps(ns)}/prune";
        await ApplyAsync(path, "owner", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"prune"},"data":{"keep":"1","drop":"2"}}""");

        var after = (await ApplyAsync(path, "owner", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"prune"},"data":{"keep":"1"}}""")).EnsureSuccess().Body;

        Assert.Null(after["data"]!["drop"]);
        Assert.Equal("1", after["data"]!["keep"]!.GetValue<string>());
    }

    [Fact]
    public async Task ServerSideApply_RequiresAFieldManager()
    {
        var ns = await cluster.CreateNamespaceAsync();

        var response = await Client.SendRawAsync(HttpMethod.Patch, $"{Objects.ConfigMaps(ns)}/nomanager", Encoding.UTF8.GetBytes("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"nomanager"}}"""), ApplyType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ServerSideApply_ToStatus_LeavesSpecAlone()
    {
        var group = $"{TestCluster.UniqueName("ssa")}.example.com";
        await Client.CreateAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", Objects.WidgetCrd(group));
        cluster.DeleteLater($"/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.{group}");
        var ns = await cluster.CreateNamespaceAsync();
        var path = $"/apis/{group}/v1/namespaces/{ns}/widgets/w";
        await WaitFor.ConditionAsync(async () => (await Client.GetAsync($"/apis/{group}/v1/namespaces/{ns}/widgets")).IsSuccess, "the widget API to be served");
        await ApplyAsync(path, "spec-owner", $$$"""{"apiVersion":"{{{group}}}/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"size":3}}""");

        var status = (await ApplyAsync($"{path}/status", "status-owner", $$$"""{"apiVersion":"{{{group}}}/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"size":9},"status":{"phase":"Ready"}}""", force: true)).EnsureSuccess().Body;

        Assert.Equal(3, status["spec"]!["size"]!.GetValue<int>());
        Assert.Equal("Ready", status["status"]!["phase"]!.GetValue<string>());
        var managers = status["metadata"]!["managedFields"]!.AsArray().Select(m => (m!["manager"]!.GetValue<string>(), m["subresource"]?.GetValue<string>())).ToList();
        Assert.Contains(("status-owner", "status"), managers);
    }

    [Fact]
    public async Task CustomResource_IsValidatedAgainstItsSchema_WithTheFieldNamed()
    {
        var (group, ns) = await WidgetsAsync();
        var path = $"/apis/{group}/v1/namespaces/{ns}/widgets";
        var wrongType = Objects.Widget(group, "v1", "typed");
        wrongType["spec"]!["size"] = "large";
        var badEnum = Objects.Widget(group, "v1", "enum", color: "purple");
        var missing = Objects.Widget(group, "v1", "missing");
        missing["spec"]!.AsObject().Remove("size");

        var typeError = await Client.PostAsync(path, wrongType);
        var enumError = await Client.PostAsync(path, badEnum);
        var requiredError = await Client.PostAsync(path, missing);

        Assert.Equal(422, typeError.Code);
        Assert.Contains("spec.size", typeError.CauseFields);
        Assert.Equal(422, enumError.Code);
        Assert.Contains("spec.color", enumError.CauseFields);
        Assert.Equal(422, requiredError.Code);
        Assert.Contains("spec.size", requiredError.CauseFields);
    }

    [Fact]
    public async Task CustomResource_UnknownFieldsArePruned_RejectedWhenStrict_AndDefaultsApplied()
    {
        var (group, ns) = await WidgetsAsync();
        var path = $"/apis/{group}/v1/namespaces/{ns}/widgets";
        var withUnknown = Objects.Widget(group, "v1", "pruned");
        withUnknown["spec"]!["bogus"] = true;
        withUnknown["spec"]!.AsObject().Remove("color");
        withUnknown["spec"]!["extra"] = new JsonObject { ["anything"] = "goes" };
        var strictBody = Objects.Widget(group, "v1", "strict");
        strictBody["spec"]!["bogus"] = true;

        var warned = await Client.PostAsync($"{path}?fieldValidation=Warn", withUnknown);
        var strict = await Client.PostAsync($"{path}?fieldValidation=Strict", strictBody);

        Assert.Equal(HttpStatusCode.Created, warned.StatusCode);
        Assert.Null(warned.Body["spec"]!["bogus"]);
        Assert.Equal("red", warned.Body["spec"]!["color"]!.GetValue<string>());
        Assert.Equal("goes", warned.Body["spec"]!["extra"]!["anything"]!.GetValue<string>());
        Assert.Contains(warned.Warnings, w => w.Contains("spec.bogus", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, strict.StatusCode);
        Assert.Contains("spec.bogus", strict.Body["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task<(string Group, string Namespace)> WidgetsAsync()
    {
        var group = $"{TestCluster.UniqueName("val")}.example.com";
        await Client.CreateAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", Objects.WidgetCrd(group));
        cluster.DeleteLater($"/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.{group}");
        var ns = await cluster.CreateNamespaceAsync();
        await WaitFor.ConditionAsync(async () => (await Client.GetAsync($"/apis/{group}/v1/namespaces/{ns}/widgets")).IsSuccess, "the widget API to be served");
        return (group, ns);
    }

    private Task<ApiResponse> ApplyAsync(string path, string manager, string config, bool force = false) =>
        Client.SendRawAsync(HttpMethod.Patch, $"{path}?fieldManager={manager}{(force ? "&force=true" : string.Empty)}", Encoding.UTF8.GetBytes(config), ApplyType);

    private static JsonObject OwnerPatch(JsonObject owner) => new()
    {
        ["metadata"] = new JsonObject
        {
            ["ownerReferences"] = new JsonArray(new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "ConfigMap",
                ["name"] = owner["metadata"]!["name"]!.GetValue<string>(),
                ["uid"] = owner["metadata"]!["uid"]!.GetValue<string>(),
            }),
        },
    };
}
