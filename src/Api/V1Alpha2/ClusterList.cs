namespace KubeBind.Api.V1Alpha2;

/// <summary>A list of Clusters (<c>ClusterList</c>).</summary>
public sealed record ClusterList() : ObjectList<Cluster>(KindName)
{
    /// <summary>The kind on the wire.</summary>
    public const string KindName = Cluster.KindName + "List";
}
