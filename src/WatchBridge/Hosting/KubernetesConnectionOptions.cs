namespace KubeBind.WatchBridge.Hosting;

/// <summary>How the bridge reaches the provider cluster.</summary>
internal sealed class KubernetesConnectionOptions
{
    /// <summary>A kubeconfig file; when empty, the pod's service account in a cluster, else <c>KUBECONFIG</c> or <c>~/.kube/config</c>.</summary>
    public string? Kubeconfig { get; set; }

    /// <summary>The kubeconfig context to use instead of its current one.</summary>
    public string? Context { get; set; }
}
