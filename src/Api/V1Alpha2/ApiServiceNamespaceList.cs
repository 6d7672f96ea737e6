namespace KubeBind.Api.V1Alpha2;

/// <summary>A list of APIServiceNamespaces (<c>APIServiceNamespaceList</c>).</summary>
public sealed record ApiServiceNamespaceList() : ObjectList<ApiServiceNamespace>(KindName)
{
    /// <summary>The kind on the wire.</summary>
    public const string KindName = ApiServiceNamespace.KindName + "List";
}
