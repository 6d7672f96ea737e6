using KubeBind.Testing;

namespace KubeBind.DevApiServer.Tests.Conformance;

/// <summary>All conformance tests share one cluster; each test isolates itself in its own namespace or API group.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<TestCluster>
{
    public const string Name = "cluster";
}
