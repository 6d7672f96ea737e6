using KubeBind.Api.Queues;

namespace KubeBind.WatchBridge.Routing;

/// <summary>One line of the routing table: changes to objects of <see cref="Source"/> ask <see cref="Target"/> to reconcile some objects.</summary>
internal interface IRoute
{
    ISource Source { get; }

    ReconcileTarget Target { get; }

    /// <summary>Whether the source's objects are themselves the target's objects, listed again on every resync.</summary>
    bool IsSelf { get; }

    /// <summary>The objects to reconcile when <paramref name="obj"/> changed.</summary>
    IEnumerable<ObjectName> Map(object obj, ISourceCaches caches);
}
