using KubeBind.DevApiServer.Api;

namespace KubeBind.DevApiServer.Storage;

/// <summary>Where an object lives: resource, namespace (empty when cluster-scoped) and name.</summary>
internal readonly record struct ObjectKey(GroupResource Resource, string Namespace, string Name)
{
    public override string ToString() => string.IsNullOrEmpty(Namespace) ? $"{Resource}/{Name}" : $"{Resource}/{Namespace}/{Name}";
}
