namespace KubeBind.Kubernetes.Caching;

/// <summary>What happened to a cached object.</summary>
public enum InformerEventType
{
    Added,
    Updated,
    Deleted,
}
