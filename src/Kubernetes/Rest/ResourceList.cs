namespace KubeBind.Kubernetes.Rest;

/// <summary>A list result: the items, the list's resourceVersion (to watch from), and the next page's token if any.</summary>
public sealed record ResourceList<T>(IReadOnlyList<T> Items, string ResourceVersion, string? Continue);
