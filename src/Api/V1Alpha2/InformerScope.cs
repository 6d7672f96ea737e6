namespace KubeBind.Api.V1Alpha2;

/// <summary>Values of informerScope and scope.</summary>
public static class InformerScope
{
    /// <summary>Cluster-wide informers.</summary>
    public const string Cluster = "Cluster";

    /// <summary>Per-namespace informers.</summary>
    public const string Namespaced = "Namespaced";
}
