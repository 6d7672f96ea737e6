namespace KubeBind.Api.Crds;

/// <summary>One installed CRD, Established, and what installing it did.</summary>
public sealed record CrdInstallResult
{
    /// <summary>The CRD's name, e.g. <c>apiserviceexports.kube-bind.io</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Whether it was created, updated or already as shipped.</summary>
    public required CrdInstallOutcome Outcome { get; init; }

    /// <summary>The CRD's resourceVersion once Established.</summary>
    public required string ResourceVersion { get; init; }
}
