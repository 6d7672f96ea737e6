using KubeBind.Testing;

namespace KubeBind.Functions.Tests.Support;

/// <summary>One Azurite queue service for the test classes that need real Storage queues; each test uses its own queue.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<Azurite>
{
    public const string Name = "Azurite";
}
