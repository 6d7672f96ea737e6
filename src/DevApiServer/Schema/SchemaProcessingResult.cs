namespace KubeBind.DevApiServer.Schema;

/// <summary>The outcome of pruning, defaulting and validating one custom resource.</summary>
/// <param name="Errors">Validation errors of the pruned and defaulted object, as kube-apiserver reports them.</param>
/// <param name="UnknownFields">Paths of the pruned unknown fields in document order, e.g. <c>spec.foo</c>.</param>
internal sealed record SchemaProcessingResult(
    IReadOnlyList<SchemaFieldError> Errors,
    IReadOnlyList<string> UnknownFields)
{
    /// <summary>True when the object passed validation.</summary>
    public bool IsValid => Errors.Count == 0;
}
