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

    /// <summary>The cluster's connection settings, from the test kubeconfig.</summary>
    public KubernetesConfiguration Configuration() => new()
    {
        Server = Cluster.Kubeconfig.Server,
        CertificateAuthorityPem = Cluster.Kubeconfig.CaPem,
        InsecureSkipTlsVerify = Cluster.Kubeconfig.Insecure,
        ClientCertificate = Cluster.Kubeconfig.ClientCertificate,
        Credentials = Cluster.Kubeconfig.Token is { } token ? new StaticToken(token) : null,
    };

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        await Cluster.DisposeAsync();
    }

    private sealed class StaticToken(string token) : ICredentialProvider
    {
        public ValueTask<Credential> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Credential.Bearer(token));

        public void Invalidate()
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClientCollection : ICollectionFixture<ClientFixture>
{
    public const string Name = "client";
}
