using System.Text.Json.Nodes;
using KubeBind.Testing;

namespace KubeBind.DevApiServer.Tests.Conformance;

[Collection(ClusterCollection.Name)]
public sealed class DiscoveryTests(TestCluster cluster)
{
    private ClusterClient Client => cluster.Client;

    [Fact]
    public async Task Version_ReportsMajorAndMinor()
    {
        var version = (await Client.GetAsync("/version")).EnsureSuccess().Body;

        Assert.False(string.IsNullOrEmpty(version["major"]!.GetValue<string>()));
        Assert.StartsWith("v1.", version["gitVersion"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CoreDiscovery_ListsBuiltInsWithTheirSubresources()
    {
        var api = (await Client.GetAsync("/api")).EnsureSuccess().Body;
        var v1 = (await Client.GetAsync("/api/v1")).EnsureSuccess().Body;

        Assert.Contains("v1", api["versions"]!.AsArray().Select(v => v!.GetValue<string>()));
        var resources = v1["resources"]!.AsArray().OfType<JsonObject>().ToDictionary(r => r["name"]!.GetValue<string>());
        Assert.True(resources["configmaps"]["namespaced"]!.GetValue<bool>());
        Assert.False(resources["namespaces"]["namespaced"]!.GetValue<bool>());
        Assert.Equal("TokenRequest", resources["serviceaccounts/token"]["kind"]!.GetValue<string>());
        Assert.Contains("watch", resources["secrets"]["verbs"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Theory]
    [InlineData("rbac.authorization.k8s.io", "clusterroles")]
    [InlineData("apiextensions.k8s.io", "customresourcedefinitions")]
    [InlineData("coordination.k8s.io", "leases")]
    [InlineData("authorization.k8s.io", "selfsubjectaccessreviews")]
    [InlineData("authentication.k8s.io", "tokenreviews")]
    public async Task GroupDiscovery_ServesTheBuiltInGroups(string group, string resource)
    {
        var groups = (await Client.GetAsync("/apis")).EnsureSuccess().Body;
        var entry = groups["groups"]!.AsArray().OfType<JsonObject>().Single(g => g["name"]!.GetValue<string>() == group);
        var preferred = entry["preferredVersion"]!["groupVersion"]!.GetValue<string>();

        var resources = (await Client.GetAsync($"/apis/{preferred}")).EnsureSuccess().Body;

        Assert.Contains(resource, resources["resources"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task OpenApiV3_IndexesEveryGroupVersion_AndPatchCarriesFieldValidation()
    {
        var index = (await Client.GetAsync("/openapi/v3")).EnsureSuccess().Body;
        var url = index["paths"]!["api/v1"]!["serverRelativeURL"]!.GetValue<string>();

        var document = (await Client.GetAsync(url)).EnsureSuccess().Body;

        var path = document["paths"]!["/api/v1/namespaces/{namespace}/configmaps/{name}"]!.AsObject();
        var parameters = path["patch"]!["parameters"]!.AsArray().Select(p => p!["name"]?.GetValue<string>()).ToList();
        Assert.Contains("fieldValidation", parameters);
    }
}
