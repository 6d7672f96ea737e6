using KubeBind.Kubernetes.Models;

namespace KubeBind.Kubernetes.Discovery;

/// <summary>One served resource as discovery describes it.</summary>
public sealed record ApiResource(GroupVersionResource Resource, string Kind, bool Namespaced, IReadOnlyList<string> Verbs, IReadOnlyList<string> ShortNames, string SingularName)
{
    public GroupVersionKind GroupVersionKind => new(Resource.Group, Resource.Version, Kind);
}
