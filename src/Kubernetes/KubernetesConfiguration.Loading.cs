using KubeBind.Kubernetes.Config;

namespace KubeBind.Kubernetes;

public sealed partial class KubernetesConfiguration
{
    /// <summary>Loads the configuration kubectl would use (see <see cref="KubeconfigLoader"/>).</summary>
    public static KubernetesConfiguration FromKubeconfig(KubeconfigOptions? options = null) => KubeconfigLoader.Load(options);

    /// <summary>Loads the pod's service-account configuration (see <see cref="InClusterLoader"/>).</summary>
    public static KubernetesConfiguration InCluster(InClusterOptions? options = null) => InClusterLoader.Load(options);
}
