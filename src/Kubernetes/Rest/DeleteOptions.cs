namespace KubeBind.Kubernetes.Rest;

/// <summary>Options of delete and deletecollection.</summary>
public sealed record DeleteOptions
{
    /// <summary>"Background", "Foreground" or "Orphan".</summary>
    public string? PropagationPolicy { get; init; }

    /// <summary>Delete only if the object still has this uid.</summary>
    public string? PreconditionUid { get; init; }

    /// <summary>Delete only if the object is still at this resourceVersion.</summary>
    public string? PreconditionResourceVersion { get; init; }

    public long? GracePeriodSeconds { get; init; }

    public bool DryRun { get; init; }
}
