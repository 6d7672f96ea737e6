using System.Buffers.Binary;
using System.Text;

namespace KubeBind.Api.Naming;

/// <summary>The object names kube-bind derives or fixes, spelled exactly as upstream so both can share a cluster.</summary>
public static class Names
{
    /// <summary>The name of the one ClusterBinding in each contract namespace.</summary>
    public const string ClusterBinding = "cluster";

    /// <summary>The ServiceAccount, its token Secret, ClusterRole and RoleBinding the consumer's konnector acts as.</summary>
    public const string KubeBinder = "kube-binder";

    /// <summary>The default kubeconfig Secret in a contract namespace (an existing ClusterBinding's reference wins).</summary>
    public const string KubeconfigSecret = "kubeconfig";

    /// <summary>The data key holding the kubeconfig in every kubeconfig Secret.</summary>
    public const string KubeconfigSecretKey = "kubeconfig";

    /// <summary>The aggregating ClusterRole and ClusterRoleBinding that collect the per-export ClusterRoles.</summary>
    public const string ExportsClusterRole = "kube-binder-exports";

    /// <summary>The ClusterRole and ClusterRoleBinding granted to users signed in through OIDC.</summary>
    public const string OidcUserClusterRole = "kube-bind-oidc-user";

    /// <summary>The consumer-side namespace holding provider kubeconfig Secrets and the konnector.</summary>
    public const string ConsumerNamespace = "kube-bind";

    /// <summary>The BoundSchema group segment used for resources of the core (empty) API group.</summary>
    public const string CoreGroup = "core";

    /// <summary>The isolation under which cluster-scoped objects keep their names and service namespaces are shared.</summary>
    public const string IsolationNone = "None";

    /// <summary>The isolation that prefixes cluster-scoped names with the contract namespace.</summary>
    public const string IsolationPrefixed = "Prefixed";

    /// <summary>The isolation that moves cluster-scoped consumer objects into the contract namespace.</summary>
    public const string IsolationNamespaced = "Namespaced";

    private const string Base36Digits = "0123456789abcdefghijklmnopqrstuvwxyz";

    /// <summary>Returns the consumer identity hash: lower-case base 36 of the first 8 bytes of SHA-224(identity).</summary>
    public static string IdentityHash(string identity)
    {
        ArgumentNullException.ThrowIfNull(identity);

        var prefix = Sha224.Hash(Encoding.UTF8.GetBytes(identity)).AsSpan(0, 8);
        var value = BinaryPrimitives.ReadUInt64BigEndian(prefix);

        // 2^64 needs 13 base-36 digits; each leading zero byte adds one '0' (upstream's base36.EncodeBytes quirk).
        Span<char> buffer = stackalloc char[32];
        var position = buffer.Length;
        while (value > 0)
        {
            buffer[--position] = Base36Digits[(int)(value % 36)];
            value /= 36;
        }

        for (var i = 0; i < prefix.Length && prefix[i] == 0; i++)
        {
            buffer[--position] = '0';
        }

        return new string(buffer[position..]);
    }

    /// <summary>Returns the contract namespace of a consumer: the namespace prefix followed by its identity hash.</summary>
    /// <remarks>Like upstream, the length is not checked; only a long prefix can push it past 63 characters.</remarks>
    public static string ContractNamespace(string prefix, string identity)
    {
        ArgumentNullException.ThrowIfNull(prefix);

        return prefix + IdentityHash(identity);
    }

    /// <summary>Returns the BoundSchema name <c>&lt;resource&gt;.&lt;group&gt;</c>, with <c>core</c> for the empty group.</summary>
    public static string BoundSchemaName(string group, string resource)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentException.ThrowIfNullOrEmpty(resource);

        return resource + "." + (group.Length == 0 ? CoreGroup : group);
    }

    /// <summary>Returns the provider namespace serving a consumer namespace under the given isolation.</summary>
    /// <remarks>Only <c>Prefixed</c> and <c>Namespaced</c> isolate; anything else behaves as upstream's <c>None</c>.</remarks>
    public static string ServiceNamespace(string contractNamespace, string consumerNamespace, string? isolation) =>
        isolation is IsolationPrefixed or IsolationNamespaced
            ? IsolatedServiceNamespace(contractNamespace, consumerNamespace)
            : consumerNamespace;

    /// <summary>Returns the isolated service namespace <c>&lt;contractNamespace&gt;-&lt;consumerNamespace&gt;</c>.</summary>
    /// <remarks>Upstream's service-namespace cleanup deletes this name whatever the isolation.</remarks>
    public static string IsolatedServiceNamespace(string contractNamespace, string consumerNamespace)
    {
        ArgumentException.ThrowIfNullOrEmpty(contractNamespace);
        ArgumentException.ThrowIfNullOrEmpty(consumerNamespace);

        return contractNamespace + "-" + consumerNamespace;
    }

    /// <summary>Returns the <c>kube-bind.io/api-service-namespace</c> value <c>&lt;contractNamespace&gt;/&lt;name&gt;</c>.</summary>
    public static string ApiServiceNamespaceReference(string contractNamespace, string apiServiceNamespaceName) =>
        contractNamespace + "/" + apiServiceNamespaceName;

    /// <summary>Returns the provider name of a cluster-scoped consumer object under <c>Prefixed</c> isolation.</summary>
    public static string PrefixedObjectName(string clusterNamespace, string consumerName)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterNamespace);
        ArgumentException.ThrowIfNullOrEmpty(consumerName);

        return clusterNamespace + "-" + consumerName;
    }

    /// <summary>Recovers the consumer name of a <c>Prefixed</c> provider object; false when it is not this cluster's.</summary>
    public static bool TryGetConsumerObjectName(string clusterNamespace, string providerName, out string consumerName)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterNamespace);
        ArgumentNullException.ThrowIfNull(providerName);

        // An empty remainder cannot be a consumer object name, so it is not ours either.
        var prefixLength = clusterNamespace.Length + 1;
        if (providerName.Length > prefixLength
            && providerName.StartsWith(clusterNamespace, StringComparison.Ordinal)
            && providerName[clusterNamespace.Length] == '-')
        {
            consumerName = providerName[prefixLength..];
            return true;
        }

        consumerName = string.Empty;
        return false;
    }

    /// <summary>Returns the per-export ClusterRole granting the exported resources.</summary>
    public static string ExportResourcesClusterRole(string contractNamespace, string exportName) =>
        "kube-binder-resources-" + contractNamespace + "-" + exportName;

    /// <summary>Returns the per-export ClusterRole granting the cluster-wide permission claims.</summary>
    public static string ExportClaimsClusterRole(string contractNamespace, string exportName) =>
        "kube-binder-claims-" + contractNamespace + "-" + exportName;

    /// <summary>Returns the per-export Role and RoleBinding granting permission claims inside each service namespace.</summary>
    public static string ExportClaimsRole(string exportName) => "kube-binder-claims-" + exportName;

    /// <summary>Returns the default Secret a BindableResourcesRequest's response is written to.</summary>
    public static string BindingResponseSecret(string bindableResourcesRequestName) =>
        bindableResourcesRequestName + "-binding-response";

    /// <summary>Returns the consumer-side Secret holding the provider kubeconfig of a binding.</summary>
    public static string ConsumerKubeconfigSecret(string bindingName) => "kubeconfig-" + bindingName;
}
