using KubeBind.Api;
using KubeBind.Kubernetes.Models;
using KubeBind.Testing;

namespace KubeBind.WatchBridge.Tests;

/// <summary>
/// A test cluster with the kube-bind CRDs the bridge watches. Until our own CRD manifests land they come from
/// upstream's, applied as YAML (the API server decodes it, so no converter is needed here).
/// </summary>
public sealed class BridgeClusterFixture : IAsyncLifetime
{
    private static readonly string[] CrdFiles =
    [
        "kube-bind.io_apiserviceexportrequests.yaml",
        "kube-bind.io_apiserviceexports.yaml",
        "kube-bind.io_boundschemas.yaml",
    ];

    public TestCluster Cluster { get; } = new();

    public async Task InitializeAsync()
    {
        await Cluster.InitializeAsync();
        foreach (var file in CrdFiles)
        {
            var yaml = await File.ReadAllBytesAsync(ReferenceData.Path("crds", file));
            var response = await Cluster.Client.SendRawAsync(HttpMethod.Post, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", yaml, "application/yaml");
            if (!response.IsSuccess && response.Reason != "AlreadyExists")
            {
                throw new InvalidOperationException($"installing {file} failed: {response}");
            }
        }

        foreach (var resource in new[] { "apiserviceexportrequests", "apiserviceexports", "boundschemas" })
        {
            var gvr = new GroupVersionResource(Group.Name, Group.V1Alpha2, resource);
            await WaitFor.ConditionAsync(async () => (await Cluster.Client.GetAsync($"{gvr.PathPrefix}/{resource}")).IsSuccess, $"{resource} to be served");
        }
    }

    public Task DisposeAsync() => Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class BridgeClusterCollection : ICollectionFixture<BridgeClusterFixture>
{
    public const string Name = "bridge cluster";
}
