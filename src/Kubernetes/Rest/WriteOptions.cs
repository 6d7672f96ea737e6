namespace KubeBind.Kubernetes.Rest;

/// <summary>Options of create, update and patch.</summary>
public sealed record WriteOptions
{
    public bool DryRun { get; init; }

    /// <summary>The field manager recorded in managedFields.</summary>
    public string? FieldManager { get; init; }

    /// <summary>"Strict", "Warn" or "Ignore" (unknown fields).</summary>
    public string? FieldValidation { get; init; }
}
