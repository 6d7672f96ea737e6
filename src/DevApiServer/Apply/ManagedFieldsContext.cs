namespace KubeBind.DevApiServer.Apply;

/// <summary>The request a field-management operation belongs to.</summary>
/// <param name="ApiVersion">The request's group/version, recorded in each entry ("v1", "wildwest.dev/v1alpha1").</param>
/// <param name="Now">The time recorded in entries that change (RFC 3339, whole seconds, UTC).</param>
/// <param name="Subresource">Null for the main resource, "status" for /status.</param>
/// <param name="ResetFields">
/// Dotted field paths this endpoint ignores and never tracks (kube's strategy reset fields), e.g. ["status"] on the main
/// resource of a type with a status subresource, or ["spec", "metadata"] on /status: they keep the live object's value.
/// </param>
internal sealed record ManagedFieldsContext(
    string ApiVersion,
    DateTimeOffset Now,
    string? Subresource,
    IReadOnlyList<string> ResetFields);
