using KubeBind.DevApiServer.Auth;
using KubeBind.DevApiServer.Schema;

namespace KubeBind.DevApiServer.Registry;

/// <summary>Per-request options of a write: who, dry run, field manager and unknown-field handling.</summary>
internal sealed record WriteOptions(UserInfo User)
{
    public bool DryRun { get; init; }

    /// <summary>The <c>fieldManager</c> query parameter; derived from the user agent when absent (except for apply).</summary>
    public string? FieldManager { get; init; }

    public string? UserAgent { get; init; }

    public FieldValidationMode FieldValidation { get; init; } = FieldValidationMode.Warn;

    public bool Force { get; init; }

    /// <summary>The manager recorded in managedFields: kube-apiserver uses the user agent up to its first '/'.</summary>
    public string Manager => !string.IsNullOrEmpty(FieldManager)
        ? FieldManager
        : (UserAgent ?? "unknown").Split('/')[0] is { Length: > 0 } prefix ? prefix : "unknown";

    public static WriteOptions System { get; } = new(UserInfo.System) { FieldManager = "kube-controller-manager" };
}
