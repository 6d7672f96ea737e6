namespace KubeBind.Kubernetes.Caching;

/// <summary>
/// A change seen by an informer: <see cref="Object"/> is the new state, or the final state for deletions;
/// <see cref="OldObject"/> is the previous state of updates (equal to the new one on a periodic resync).
/// </summary>
#pragma warning disable CA1720 // "Object" mirrors the Kubernetes watch event naming used throughout the library.
public sealed record InformerEvent<T>(InformerEventType Type, string Key, T Object, T? OldObject = default, bool IsResync = false);
#pragma warning restore CA1720
