namespace KubeBind.Api.V1Alpha2;

/// <summary>A list of ClusterBindings (<c>ClusterBindingList</c>).</summary>
public sealed record ClusterBindingList() : ObjectList<ClusterBinding>(KindName)
{
    /// <summary>The kind on the wire.</summary>
    public const string KindName = ClusterBinding.KindName + "List";
}
