using KubeBind.Testing;

namespace KubeBind.WatchBridge.Tests;

/// <summary>A test cluster with the provider-side kube-bind CRDs installed by our own installer, as a deployment would.</summary>
public sealed class BridgeClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new();

    public async Task InitializeAsync()
    {
        await Cluster.InitializeAsync();
        await ProviderSetup.InstallKubeBindCrdsAsync(Cluster);
    }

    public Task DisposeAsync() => Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class BridgeClusterCollection : ICollectionFixture<BridgeClusterFixture>
{
    public const string Name = "bridge cluster";
}
