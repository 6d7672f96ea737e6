namespace KubeBind.Api;

/// <summary>The annotation keys kube-bind reads and writes, spelled as on the wire.</summary>
public static class Annotations
{
    /// <summary>Lower-case hex SHA-256 of the source BoundSchema specs, on BoundSchemas and APIServiceExports.</summary>
    public const string SourceSpecHash = "kube-bind.io/source-spec-hash";

    /// <summary>Back-reference <c>&lt;contractNs&gt;/&lt;name&gt;</c> from a service Namespace to its APIServiceNamespace.</summary>
    public const string ApiServiceNamespace = "kube-bind.io/api-service-namespace";

    /// <summary>The consumer identity on a contract Namespace and ClusterBinding; indexed to find the namespace.</summary>
    public const string Identity = "backend.kube-bind.io/identity";

    /// <summary>Who bound (OIDC subject or BindableResourcesRequest author), on a contract Namespace and ClusterBinding.</summary>
    public const string Author = "backend.kube-bind.io/author";

    /// <summary>The display name of the consumer cluster, on a ClusterBinding.</summary>
    public const string ClusterPrettyName = "backend.kube-bind.io/cluster-pretty-name";

    /// <summary>The identity key of old backends, migrated to <see cref="Identity"/> on the next bind.</summary>
    public const string LegacyIdentity = "example-backend.kube-bind.io/identity";

    /// <summary>The APIBinding owning an APIServiceExportTemplate under kcp.</summary>
    public const string OwnerBinding = "apibindingtemplate.kube-bind.io/owner-binding";

    /// <summary>The contract namespace a provider copy of a synced object belongs to.</summary>
    public const string ClusterNamespace = "kube-bind.io/cluster-namespace";

    /// <summary>The consumer namespace of a provider copy (empty for cluster-scoped objects).</summary>
    public const string ConsumerNamespace = "kube-bind.io/consumer-namespace";

    /// <summary>The consumer object's UID on its provider copy.</summary>
    public const string ConsumerUid = "kube-bind.io/consumer-uid";

    /// <summary>The provider namespace of a consumer copy (empty for cluster-scoped objects).</summary>
    public const string ProviderNamespace = "kube-bind.io/provider-namespace";

    /// <summary>The provider object's UID on its consumer copy.</summary>
    public const string ProviderUid = "kube-bind.io/provider-uid";

    /// <summary>Referenced only by an APIServiceBinding printer column; nobody sets it.</summary>
    public const string Resources = "kube-bind.io/resources";

    /// <summary>The annotation on a ServiceAccount token Secret naming its ServiceAccount (Kubernetes, not kube-bind).</summary>
    public const string ServiceAccountName = "kubernetes.io/service-account.name";
}
