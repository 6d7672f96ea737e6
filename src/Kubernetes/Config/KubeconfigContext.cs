namespace KubeBind.Kubernetes.Config;

/// <summary>A kubeconfig <c>context</c> entry: which cluster, as which user, in which namespace.</summary>
public sealed record KubeconfigContext
{
    /// <summary>The name of the cluster entry (<c>cluster</c>).</summary>
    public string? Cluster { get; init; }

    /// <summary>The name of the user entry (<c>user</c>).</summary>
    public string? User { get; init; }

    /// <summary>The default namespace (<c>namespace</c>); null means <c>default</c>.</summary>
    public string? Namespace { get; init; }
}
