namespace KubeBind.Api;

/// <summary>The label keys and values kube-bind reads and writes, spelled as on the wire.</summary>
public static class Labels
{
    /// <summary>Set to <see cref="True"/> on provider CRDs the backend may bind; no other schemas are exported.</summary>
    public const string Exported = "kube-bind.io/exported";

    /// <summary>Which side owns an APIServiceNamespace or claimed object: <see cref="OwnerProvider"/> or <see cref="OwnerConsumer"/>.</summary>
    public const string Owner = "kube-bind.io/owner";

    /// <summary>The <see cref="Owner"/> value for objects the provider owns.</summary>
    public const string OwnerProvider = "provider";

    /// <summary>The <see cref="Owner"/> value for objects the consumer owns.</summary>
    public const string OwnerConsumer = "consumer";

    /// <summary>Set to <see cref="True"/> on per-export ClusterRoles aggregated into <c>kube-binder-exports</c>.</summary>
    public const string AggregateToParent = "rbac.kube-bind.io/aggregate-to-parent";

    /// <summary>Set to <see cref="True"/> on consumer Secrets holding a provider kubeconfig; the konnector watches these.</summary>
    public const string ProviderKubeconfig = "kube-bind.io/provider-kubeconfig";

    /// <summary>The value of the boolean marker labels.</summary>
    public const string True = "true";
}
