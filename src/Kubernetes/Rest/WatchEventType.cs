namespace KubeBind.Kubernetes.Rest;

/// <summary>The type of a watch event.</summary>
public enum WatchEventType
{
    Added,
    Modified,
    Deleted,
    Bookmark,
}
