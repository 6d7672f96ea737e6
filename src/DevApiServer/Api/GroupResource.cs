namespace KubeBind.DevApiServer.Api;

/// <summary>A resource within an API group; the storage identity of a resource across versions.</summary>
internal readonly record struct GroupResource(string Group, string Resource)
{
    /// <summary>kube-apiserver's spelling in messages: <c>configmaps</c>, <c>cowboys.wildwest.dev</c>.</summary>
    public override string ToString() => string.IsNullOrEmpty(Group) ? Resource : $"{Resource}.{Group}";
}
