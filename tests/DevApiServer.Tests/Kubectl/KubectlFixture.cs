using KubeBind.Testing;

namespace KubeBind.DevApiServer.Tests.Kubectl;

/// <summary>A cluster of its own for the kubectl suite (it uses fixed upstream names like wild-west), and a kubectl bound to it.</summary>
public sealed class KubectlFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new();

    public Testing.Kubectl Kubectl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Cluster.InitializeAsync();
        Kubectl = new Testing.Kubectl(Cluster.KubeconfigPath, Path.Combine(Cluster.WorkDirectory, "kubectl-cache"));
    }

    public async Task DisposeAsync()
    {
        if (!Cluster.IsDevApiServer)
        {
            // Against a real cluster, remove what the upstream fixtures created.
            await Kubectl.RunAsync(["delete", "--ignore-not-found", "--wait=false", "-f", ReferenceData.Path("examples", "crd-cowboys.yaml")]);
            await Kubectl.RunAsync(["delete", "--ignore-not-found", "--wait=false", "namespace", "wild-west"]);
        }

        await Cluster.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class KubectlCollection : ICollectionFixture<KubectlFixture>
{
    public const string Name = "kubectl";
}
