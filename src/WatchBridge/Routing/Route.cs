using KubeBind.Api.Queues;

namespace KubeBind.WatchBridge.Routing;

/// <summary>A routing-table line over a source of <typeparamref name="T"/>.</summary>
internal sealed class Route<T>(Source<T> source, ReconcileTarget target, Func<T, ISourceCaches, IEnumerable<ObjectName>> map, bool isSelf) : IRoute
    where T : class
{
    public ISource Source => source;

    public ReconcileTarget Target => target;

    public bool IsSelf => isSelf;

    public IEnumerable<ObjectName> Map(object obj, ISourceCaches caches) => map((T)obj, caches);

    public override string ToString() => $"{source.Kind} → {target.Queue}";
}
