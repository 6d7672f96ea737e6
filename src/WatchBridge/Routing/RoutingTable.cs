using KubeBind.Api.Queues;

namespace KubeBind.WatchBridge.Routing;

/// <summary>
/// Which changes make which reconciler look at which objects. Built once from lines (<see cref="Self{T}"/>,
/// <see cref="Map{T}"/>); the bridge watches every source a line names and reads nothing else.
/// </summary>
internal sealed class RoutingTable
{
    private readonly List<IRoute> _routes = [];

    public IReadOnlyList<IRoute> Routes => _routes;

    /// <summary>The distinct sources the routes read, in the order they were first named.</summary>
    public IReadOnlyList<ISource> Sources => [.. _routes.Select(r => r.Source).Distinct()];

    /// <summary>A source whose objects <paramref name="target"/> reconciles: each change names the object itself, and resyncs list them all.</summary>
    public RoutingTable Self<T>(Source<T> source, ReconcileTarget target)
        where T : class
    {
        _routes.Add(new Route<T>(source, target, static (obj, _) => [ObjectName.Of(obj)], isSelf: true));
        return this;
    }

    /// <summary>A source whose changes affect other objects, found by <paramref name="map"/> (usually through an index).</summary>
    public RoutingTable Map<T>(Source<T> source, ReconcileTarget target, Func<T, ISourceCaches, IEnumerable<ObjectName>> map)
        where T : class
    {
        _routes.Add(new Route<T>(source, target, map, isSelf: false));
        return this;
    }

    /// <summary>The items one change produces, each with the change as its cause.</summary>
    public IReadOnlyList<RoutedItem> Route(SourceEvent change, ISourceCaches caches)
    {
        ArgumentNullException.ThrowIfNull(change);

        var cause = change.Cause();
        var items = new List<RoutedItem>();
        foreach (var route in _routes.Where(r => r.Source == change.Source))
        {
            foreach (var name in route.Map(change.Object, caches).Distinct())
            {
                items.Add(new RoutedItem(new QueueItem(route.Target, name), cause));
            }
        }

        return items;
    }

    /// <summary>Every reconcilable object, with a <see cref="MessageEvents.Resync"/> cause: what a resync enqueues.</summary>
    public IReadOnlyList<RoutedItem> Resync(ISourceCaches caches)
    {
        var items = new List<RoutedItem>();
        foreach (var route in _routes.Where(r => r.IsSelf))
        {
            foreach (var obj in caches.List(route.Source))
            {
                var cause = new SourceEvent(route.Source, MessageEvents.Resync, obj).Cause();
                items.AddRange(route.Map(obj, caches).Select(name => new RoutedItem(new QueueItem(route.Target, name), cause)));
            }
        }

        return items;
    }
}
