namespace KubeBind.Api.Crds;

/// <summary>
/// A CRD with the name of one of ours exists but is not one we may update (see <see cref="CrdInstaller"/>); the
/// installer changed nothing.
/// </summary>
public sealed class IncompatibleCrdException : Exception
{
    public IncompatibleCrdException(IReadOnlyDictionary<string, IReadOnlyList<string>> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    public IncompatibleCrdException()
        : this(new Dictionary<string, IReadOnlyList<string>>())
    {
    }

    public IncompatibleCrdException(string message)
        : base(message)
    {
    }

    public IncompatibleCrdException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What differs, per CRD name, e.g. <c>scope is Cluster, we need Namespaced</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Problems { get; } = new Dictionary<string, IReadOnlyList<string>>();

    private static string Describe(IReadOnlyDictionary<string, IReadOnlyList<string>> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var lines = problems.Select(p =>
            $"CustomResourceDefinition {p.Key} exists but is not a kube-bind CRD we can update: {string.Join("; ", p.Value)}. " +
            $"It was left untouched; delete it if nothing needs it (kubectl delete crd {p.Key}, which also deletes its objects) " +
            "or use a cluster without it.");
        return string.Join(Environment.NewLine, lines);
    }
}
