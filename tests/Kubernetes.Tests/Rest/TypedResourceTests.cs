using System.Text.Json;
using KubeBind.Kubernetes.Models;

namespace KubeBind.Kubernetes.Tests.Rest;

[Collection(ClientCollection.Name)]
public sealed class TypedResourceTests(ClientFixture fixture)
{
    private static readonly GroupVersionResource ConfigMaps = new(string.Empty, "v1", "configmaps");

    [Fact]
    public async Task TypedAccess_RoundTripsKnownAndUnknownFields()
    {
        var ns = await fixture.Cluster.CreateNamespaceAsync("typed");
        var resource = fixture.Client.Resource(ConfigMaps, TestJsonContext.Default.TypedConfigMap);
        var extra = new Dictionary<string, JsonElement> { ["binaryData"] = JsonDocument.Parse("""{"blob":"AQID"}""").RootElement };

        var created = await resource.CreateAsync(new TypedConfigMap
        {
            Metadata = new ObjectMeta { Name = "typed", Labels = new Dictionary<string, string> { ["a"] = "b" } },
            Data = new Dictionary<string, string> { ["k"] = "v" },
            Extra = extra,
        }, ns);
        var updated = await resource.UpdateAsync(created with { Data = new Dictionary<string, string> { ["k"] = "v2" } });
        var fetched = await resource.GetAsync("typed", ns);

        Assert.Equal(ns, created.Metadata.Namespace);
        Assert.NotNull(created.Metadata.CreationTimestamp);
        Assert.Equal("v2", fetched.Data!["k"]);
        Assert.Equal("b", fetched.Metadata.Labels!["a"]);
        Assert.Equal("AQID", fetched.Extra!["binaryData"].GetProperty("blob").GetString());
        Assert.True(fetched.Metadata.Extra!.ContainsKey("managedFields"));
        Assert.Equal(updated.Metadata.ResourceVersion, fetched.Metadata.ResourceVersion);
    }
}
