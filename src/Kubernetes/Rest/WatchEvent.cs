namespace KubeBind.Kubernetes.Rest;

/// <summary>One change: the object after it (the final state for DELETED; only metadata.resourceVersion for BOOKMARK).</summary>
#pragma warning disable CA1720 // "Object" is the Kubernetes watch event's field name; every Kubernetes client uses it.
public sealed record WatchEvent<T>(WatchEventType Type, T Object, string ResourceVersion);
#pragma warning restore CA1720
