namespace KubeBind.Kubernetes.Models;

/// <summary>A typed Kubernetes object: what caches and informers need to key and version it.</summary>
public interface IKubernetesObject
{
    /// <summary>The object's metadata.</summary>
    ObjectMeta Metadata { get; }
}
