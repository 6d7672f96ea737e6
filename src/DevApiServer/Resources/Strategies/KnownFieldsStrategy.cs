namespace KubeBind.DevApiServer.Resources.Strategies;

/// <summary>A built-in with no special behaviour beyond its set of top-level fields (for strict decoding).</summary>
internal class KnownFieldsStrategy : ResourceStrategy
{
    private readonly HashSet<string> _known;

    public KnownFieldsStrategy(params string[] fields) =>
        _known = new HashSet<string>(["apiVersion", "kind", "metadata", .. fields], StringComparer.Ordinal);

    public override IReadOnlySet<string>? KnownFields => _known;
}
