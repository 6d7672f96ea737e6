namespace KubeBind.Api.Crds;

/// <summary>How a <see cref="CrdInstaller"/> applies the CRDs and how long it waits for them.</summary>
public sealed class CrdInstallerOptions
{
    /// <summary>The server-side apply field manager that owns the CRDs' fields.</summary>
    public string FieldManager { get; init; } = "kube-bind";

    /// <summary>How long to wait, in total, for every applied CRD to become Established.</summary>
    public TimeSpan EstablishTimeout { get; init; } = TimeSpan.FromMinutes(1);

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(FieldManager);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(EstablishTimeout, TimeSpan.Zero);
    }
}
