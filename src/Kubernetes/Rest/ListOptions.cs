namespace KubeBind.Kubernetes.Rest;

/// <summary>Selectors and paging of a list (and of a deletecollection).</summary>
public sealed record ListOptions
{
    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    /// <summary>Page size; <see cref="ResourceClient{T}.ListAsync"/> pages transparently (0 uses 500).</summary>
    public int Limit { get; init; }

    /// <summary>The continue token of the previous page (for <see cref="ResourceClient{T}.ListPageAsync"/>).</summary>
    public string? Continue { get; init; }

    /// <summary>List at (or not older than) this resourceVersion; "0" allows any cached state.</summary>
    public string? ResourceVersion { get; init; }
}
