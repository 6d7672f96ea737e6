namespace KubeBind.Api.Crds;

/// <summary>What installing one CRD did.</summary>
public enum CrdInstallOutcome
{
    /// <summary>The CRD did not exist and was created.</summary>
    Created,

    /// <summary>A compatible CRD existed and was brought up to date.</summary>
    Updated,

    /// <summary>The CRD was already as shipped; the apply changed nothing.</summary>
    Unchanged,
}
