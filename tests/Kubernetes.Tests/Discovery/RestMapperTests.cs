using System.Text.Json.Nodes;
using KubeBind.Kubernetes.Discovery;
using KubeBind.Kubernetes.Models;
using KubeBind.Testing;

namespace KubeBind.Kubernetes.Tests.Discovery;

[Collection(ClientCollection.Name)]
public sealed class RestMapperTests(ClientFixture fixture)
{
    [Fact]
    public async Task ResourceFor_MapsBuiltInKinds_WithScope()
    {
        using var mapper = new RestMapper(new DiscoveryClient(fixture.Client));

        var configMaps = await mapper.ResourceForAsync(GroupVersionKind.From("v1", "ConfigMap"));
        var roles = await mapper.ResourceForAsync(GroupVersionKind.From("rbac.authorization.k8s.io/v1", "ClusterRole"));

        Assert.Equal(new GroupVersionResource(string.Empty, "v1", "configmaps"), configMaps.Resource);
        Assert.True(configMaps.Namespaced);
        Assert.Equal("clusterroles", roles.Resource.Resource);
        Assert.False(roles.Namespaced);
    }

    [Fact]
    public async Task ResourceFor_NoticesCrdsAppearingAndDisappearing()
    {
        using var mapper = new RestMapper(new DiscoveryClient(fixture.Client)) { MinRefreshInterval = TimeSpan.Zero };
        var group = $"{TestCluster.UniqueName("mapped")}.example.com";
        var kind = new GroupVersionKind(group, "v1", "Gadget");
        await Assert.ThrowsAsync<KindNotFoundException>(() => mapper.ResourceForAsync(kind));
        var crds = fixture.Client.Resource(new GroupVersionResource("apiextensions.k8s.io", "v1", "customresourcedefinitions"));

        await crds.CreateAsync(Crd(group));
        fixture.Cluster.DeleteLater($"/apis/apiextensions.k8s.io/v1/customresourcedefinitions/gadgets.{group}");
        var found = await WaitFor.ValueAsync(
            async () =>
            {
                try
                {
                    return await mapper.ResourceForAsync(kind);
                }
                catch (KindNotFoundException)
                {
                    return null;
                }
            },
            "the mapper to find the new CRD's kind");
        await crds.DeleteAsync($"gadgets.{group}");
        await WaitFor.ConditionAsync(
            async () =>
            {
                mapper.Invalidate();
                try
                {
                    await mapper.ResourceForAsync(kind);
                    return false;
                }
                catch (KindNotFoundException)
                {
                    return true;
                }
            },
            "the mapper to forget the deleted CRD");

        Assert.Equal("gadgets", found.Resource.Resource);
        Assert.True(found.Namespaced);
    }

    private static JsonObject Crd(string group) => JsonNode.Parse($$$"""
        {
          "apiVersion": "apiextensions.k8s.io/v1",
          "kind": "CustomResourceDefinition",
          "metadata": { "name": "gadgets.{{{group}}}" },
          "spec": {
            "group": "{{{group}}}",
            "scope": "Namespaced",
            "names": { "plural": "gadgets", "singular": "gadget", "kind": "Gadget", "listKind": "GadgetList" },
            "versions": [ { "name": "v1", "served": true, "storage": true,
              "schema": { "openAPIV3Schema": { "type": "object", "x-kubernetes-preserve-unknown-fields": true } } } ]
          }
        }
        """)!.AsObject();
}
