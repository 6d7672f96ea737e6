using KubeBind.Testing;

namespace KubeBind.Kubernetes.Tests;

/// <summary>A test cluster (DevApiServer, or KUBEBIND_TEST_KUBECONFIG's) and a client of ours for it.</summary>
public sealed class ClientFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new();

    public KubernetesClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Cluster.InitializeAsync();
        Client = new KubernetesClient(Configuration());
    }

    /// <summary>The cluster's connection settings, loaded from the test kubeconfig by our own loader.</summary>
    public KubernetesConfiguration Configuration() => Cluster.Configuration;

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        await Cluster.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ClientCollection : ICollectionFixture<ClientFixture>
{
    public const string Name = "client";
}
