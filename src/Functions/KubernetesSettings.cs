using KubeBind.Kubernetes;
using KubeBind.Kubernetes.Config;

namespace KubeBind.Functions;

/// <summary>The <c>Kubernetes</c> section of <see cref="FunctionsOptions"/>: a kubeconfig, or the pod's service account.</summary>
internal sealed class KubernetesSettings
{
    /// <summary>A kubeconfig file; null uses <c>KUBECONFIG</c> or <c>~/.kube/config</c>, as kubectl does.</summary>
    public string? Kubeconfig { get; set; }

    /// <summary>The kubeconfig context to use instead of its current one.</summary>
    public string? Context { get; set; }

    /// <summary>Use the pod's service account instead of a kubeconfig.</summary>
    public bool InCluster { get; set; }

    /// <summary>Loads the connection settings these name.</summary>
    public KubernetesConfiguration Load() =>
        InCluster
            ? KubernetesConfiguration.InCluster()
            : KubernetesConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = Kubeconfig is null ? [] : [Kubeconfig], Context = Context });
}
