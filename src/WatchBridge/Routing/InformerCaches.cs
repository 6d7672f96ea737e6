namespace KubeBind.WatchBridge.Routing;

/// <summary>The caches of one leadership term's informers, as routes read them.</summary>
internal sealed class InformerCaches(IEnumerable<ISourceInformer> informers) : ISourceCaches
{
    private readonly Dictionary<ISource, ISourceInformer> _informers = informers.ToDictionary(i => i.Source);

    public IReadOnlyList<object> List(ISource source) => Informer(source).List();

    public IReadOnlyList<T> ByIndex<T>(Source<T> source, string index, string value)
        where T : class =>
        ((SourceInformer<T>)Informer(source)).Informer.ByIndex(index, value);

    private ISourceInformer Informer(ISource source) =>
        _informers.TryGetValue(source, out var informer)
            ? informer
            : throw new InvalidOperationException($"no informer watches {source.Kind}; add a route from it to the routing table");
}
