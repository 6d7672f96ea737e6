using KubeBind.Testing;

namespace KubeBind.Queues.Tests;

/// <summary>One Azurite for every test class that talks to the queue service; each test uses its own queues.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<Azurite>
{
    public const string Name = "Azurite";
}
