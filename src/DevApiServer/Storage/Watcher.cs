using System.Threading.Channels;
using KubeBind.DevApiServer.Api;

namespace KubeBind.DevApiServer.Storage;

/// <summary>
/// One open watch. The store writes events into its channel under the store lock, so the order matches
/// commit order; a watcher that falls too far behind is closed, like kube-apiserver does, and the client re-watches.
/// </summary>
internal sealed class Watcher : IDisposable
{
    private readonly Channel<StoreEvent> _events;
    private readonly int _capacity;
    private readonly Action<Watcher> _unregister;

    public Watcher(GroupResource resource, string? ns, Func<StoredObject, bool> filter, int capacity, Action<Watcher> unregister)
    {
        Resource = resource;
        Namespace = ns;
        Filter = filter;
        _unregister = unregister;
        _capacity = capacity;
        // The multi-reader variant supports Count, which bounds live events and gates bookmarks.
        _events = Channel.CreateUnbounded<StoreEvent>();
    }

    public GroupResource Resource { get; }

    /// <summary>Only objects in this namespace, or all when null.</summary>
    public string? Namespace { get; }

    public Func<StoredObject, bool> Filter { get; }

    public ChannelReader<StoreEvent> Events => _events.Reader;

    /// <summary>True once the watcher was closed because it could not keep up.</summary>
    public bool Overflowed { get; private set; }

    internal int Pending => _events.Reader.Count;

    /// <summary>Called by the store, under its lock: translates a committed change into what this watcher sees.</summary>
    internal void Offer(StoreEvent change)
    {
        if (Overflowed)
        {
            return;
        }

        var current = change.Object is not null && Matches(change.Object) ? change.Object : null;
        var previous = change.Previous is not null && Matches(change.Previous) ? change.Previous : null;
        StoreEvent? seen = change.Type switch
        {
            WatchEventType.Added when current is not null => change,
            WatchEventType.Deleted when previous is not null => change,
            WatchEventType.Modified when current is not null && previous is not null => change,
            // A selector watch sees an object entering or leaving its view as ADDED or DELETED (watch cache semantics).
            WatchEventType.Modified when current is not null => change with { Type = WatchEventType.Added },
            // Leaving the view: the watch cache sends the last state the watcher saw, stamped with the new resourceVersion.
            WatchEventType.Modified when previous is not null => new StoreEvent(WatchEventType.Deleted, Restamp(previous, change.ResourceVersion), change.Previous, change.ResourceVersion),
            _ => null,
        };
        if (seen is not null)
        {
            Push(seen);
        }
    }

    /// <summary>Queues an event; live events beyond the capacity close the watcher (initial events never do).</summary>
    internal void Push(StoreEvent e, bool initial = false)
    {
        if (!initial && _events.Reader.Count >= _capacity)
        {
            Overflowed = true;
            _events.Writer.TryComplete();
            return;
        }

        _events.Writer.TryWrite(e);
    }

    private static StoredObject Restamp(StoredObject obj, long resourceVersion) =>
        StoredObject.From(obj.Resource, obj.ToJsonObject(), resourceVersion);

    internal bool Matches(StoredObject obj) =>
        (Namespace is null || obj.Namespace == Namespace) && Filter(obj);

    internal void Close() => _events.Writer.TryComplete();

    public void Dispose()
    {
        _unregister(this);
        _events.Writer.TryComplete();
    }
}
