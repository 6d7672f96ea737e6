namespace KubeBind.Kubernetes.Config;

/// <summary>Several kubeconfig files merged by kubectl's rules: the first file to set a name or current-context wins.</summary>
internal sealed class MergedKubeconfig
{
    public Sourced<string>? CurrentContext { get; set; }

    public Dictionary<string, Sourced<KubeconfigCluster>> Clusters { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Sourced<KubeconfigUser>> Users { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Sourced<KubeconfigContext>> Contexts { get; } = new(StringComparer.Ordinal);
}
