namespace KubeBind.DevApiServer.Registry;

/// <summary>meta/v1 DeleteOptions as far as DevApiServer honours them.</summary>
internal sealed record DeleteOptions
{
    public const string Orphan = "Orphan";
    public const string Background = "Background";
    public const string Foreground = "Foreground";

    public string? PropagationPolicy { get; init; }

    public string? PreconditionUid { get; init; }

    public string? PreconditionResourceVersion { get; init; }

    public bool DryRun { get; init; }

    public static DeleteOptions Default { get; } = new();
}
