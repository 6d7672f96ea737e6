using KubeBind.WatchBridge.Routing;

namespace KubeBind.WatchBridge.Tests.Fakes;

/// <summary>Source caches held in lists; indexes are computed with the sources' own index functions, as informers do.</summary>
internal sealed class InMemoryCaches : ISourceCaches
{
    private readonly Dictionary<ISource, List<object>> _objects = [];

    public InMemoryCaches Add<T>(Source<T> source, params T[] objects)
        where T : class
    {
        if (!_objects.TryGetValue(source, out var list))
        {
            list = [];
            _objects[source] = list;
        }

        list.AddRange(objects);
        return this;
    }

    public IReadOnlyList<object> List(ISource source) => _objects.GetValueOrDefault(source) ?? [];

    public IReadOnlyList<T> ByIndex<T>(Source<T> source, string index, string value)
        where T : class
    {
        var values = source.Indexes.TryGetValue(index, out var indexer)
            ? indexer
            : throw new ArgumentException($"{source.Kind} has no index named '{index}'", nameof(index));
        return [.. List(source).Cast<T>().Where(o => values(o).Contains(value))];
    }
}
