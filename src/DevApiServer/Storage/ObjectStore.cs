using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using KubeBind.DevApiServer.Api;

namespace KubeBind.DevApiServer.Storage;

/// <summary>
/// The in-memory "etcd": every object of every resource, one cluster-wide resourceVersion counter,
/// compare-and-swap writes, a bounded event history for watches that resume, and live watchers.
/// Everything that must be atomic with a commit happens under one lock; serialization happens outside it.
/// </summary>
internal sealed class ObjectStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<GroupResource, ResourceTable> _tables = [];
    private readonly Dictionary<string, StoredObject> _byUid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<ObjectKey>> _dependents = new(StringComparer.Ordinal);
    private readonly Dictionary<GroupResource, List<Watcher>> _watchers = [];
    private readonly Dictionary<GroupResource, long> _lastChange = [];
    private readonly StoreEvent?[] _history;
    private readonly int _watcherCapacity;
    private readonly StringPool _strings = new();
    private readonly Channel<StoreEvent> _changes = Channel.CreateUnbounded<StoreEvent>(new UnboundedChannelOptions { SingleReader = true });
    private int _historyStart;
    private int _historyCount;
    private long _resourceVersion;
    private long _compactedThrough;

    public ObjectStore(int historySize = 10_000, int watcherCapacity = 10_000)
    {
        _history = new StoreEvent?[Math.Max(16, historySize)];
        _watcherCapacity = watcherCapacity;
    }

    /// <summary>The newest resourceVersion committed.</summary>
    public long CurrentResourceVersion
    {
        get
        {
            lock (_lock)
            {
                return _resourceVersion;
            }
        }
    }

    /// <summary>Every committed change, for the built-in controllers.</summary>
    public ChannelReader<StoreEvent> Changes => _changes.Reader;

    /// <summary>Number of objects stored, over all resources.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _tables.Values.Sum(t => t.Count);
            }
        }
    }

    /// <summary>The resourceVersion of the newest change to any of <paramref name="resources"/> (0 if none), for caches.</summary>
    public long LastChange(params ReadOnlySpan<GroupResource> resources)
    {
        lock (_lock)
        {
            long newest = 0;
            foreach (var resource in resources)
            {
                newest = Math.Max(newest, _lastChange.GetValueOrDefault(resource));
            }

            return newest;
        }
    }

    /// <summary>Forget history up to now: watches from older versions get 410, as after an etcd compaction.</summary>
    public void Compact()
    {
        lock (_lock)
        {
            _compactedThrough = _resourceVersion;
            _historyCount = 0;
            _historyStart = 0;
            Array.Clear(_history);
        }
    }

    public StoredObject? Get(GroupResource resource, string? ns, string name)
    {
        lock (_lock)
        {
            return _tables.TryGetValue(resource, out var table) ? table.Get(ns ?? string.Empty, name) : null;
        }
    }

    public StoredObject? GetByUid(string uid)
    {
        lock (_lock)
        {
            return _byUid.GetValueOrDefault(uid);
        }
    }

    /// <summary>Objects whose ownerReferences name <paramref name="ownerUid"/>.</summary>
    public IReadOnlyList<StoredObject> Dependents(string ownerUid)
    {
        lock (_lock)
        {
            if (!_dependents.TryGetValue(ownerUid, out var keys))
            {
                return [];
            }

            return keys.Select(k => _tables[k.Resource].Get(k.Namespace, k.Name)).OfType<StoredObject>().ToList();
        }
    }

    /// <summary>A consistent snapshot of a resource (optionally one namespace) in key order, and its resourceVersion.</summary>
    public (IReadOnlyList<StoredObject> Items, long ResourceVersion) List(GroupResource resource, string? ns, string? after = null)
    {
        lock (_lock)
        {
            var items = _tables.TryGetValue(resource, out var table) ? table.Range(ns, after) : [];
            return (items, _resourceVersion);
        }
    }

    /// <summary>
    /// The objects as they were at <paramref name="resourceVersion"/> (continue tokens read the first page's revision,
    /// as etcd does): current state with every later change rolled back from the history. Null when that revision is no
    /// longer covered by the history.
    /// </summary>
    public IReadOnlyList<StoredObject>? ListAt(GroupResource resource, string? ns, string? after, long resourceVersion)
    {
        lock (_lock)
        {
            if (resourceVersion < OldestReplayableVersion())
            {
                return null;
            }

            var current = _tables.TryGetValue(resource, out var table) ? table.Range(ns, after) : [];
            if (resourceVersion >= _resourceVersion)
            {
                return current;
            }

            // For every object changed since, its state just before the first later change (null: it did not exist).
            var before = new Dictionary<(string Namespace, string Name), StoredObject?>();
            for (var i = 0; i < _historyCount; i++)
            {
                var e = _history[(_historyStart + i) % _history.Length]!;
                var obj = e.Object!;
                if (e.ResourceVersion > resourceVersion && obj.Resource == resource && (ns is null || obj.Namespace == ns))
                {
                    before.TryAdd((obj.Namespace, obj.Name), e.Previous);
                }
            }

            if (before.Count == 0)
            {
                return current;
            }

            var afterKey = after is null ? default((string, string)?) : ResourceTable.ParseKey(after);
            var snapshot = current.Where(o => !before.ContainsKey((o.Namespace, o.Name))).ToList();
            snapshot.AddRange(before.Values.OfType<StoredObject>()
                .Where(o => afterKey is null || ResourceTable.Compare((o.Namespace, o.Name), afterKey.Value) > 0));
            snapshot.Sort(ResourceTable.Compare);
            return snapshot;
        }
    }

    /// <summary>Every object in one namespace, over all resources (namespace deletion empties it).</summary>
    public IReadOnlyList<StoredObject> ListNamespaced(string ns)
    {
        lock (_lock)
        {
            return _tables.Values.SelectMany(t => t.Range(ns, null)).ToList();
        }
    }

    /// <summary>Stores a new object; fails with AlreadyExists when the name is taken.</summary>
    public StoredObject Create(GroupResource resource, JsonObject obj)
    {
        var ns = obj.Namespace() ?? string.Empty;
        var name = obj.Name() ?? throw new ArgumentException("object has no name", nameof(obj));
        lock (_lock)
        {
            var table = Table(resource);
            if (table.Get(ns, name) is not null)
            {
                throw ApiException.AlreadyExists(resource, name);
            }

            var stored = StoredObject.From(resource, obj, ++_resourceVersion, _strings);
            table.Put(stored);
            Index(null, stored);
            Commit(new StoreEvent(WatchEventType.Added, stored, null, stored.ResourceVersion));
            return stored;
        }
    }

    /// <summary>Replaces an object if it is still at <paramref name="expectedResourceVersion"/>; Conflict otherwise.</summary>
    public StoredObject Update(GroupResource resource, JsonObject obj, long expectedResourceVersion)
    {
        var ns = obj.Namespace() ?? string.Empty;
        var name = obj.Name() ?? throw new ArgumentException("object has no name", nameof(obj));
        lock (_lock)
        {
            var table = Table(resource);
            var current = table.Get(ns, name) ?? throw ApiException.NotFound(resource, name);
            if (current.ResourceVersion != expectedResourceVersion)
            {
                throw ApiException.StaleResourceVersion(resource, name);
            }

            var stored = StoredObject.From(resource, obj, ++_resourceVersion, _strings);
            table.Put(stored);
            Index(current, stored);
            Commit(new StoreEvent(WatchEventType.Modified, stored, current, stored.ResourceVersion));
            return stored;
        }
    }

    /// <summary>
    /// Removes an object if it is still at <paramref name="expectedResourceVersion"/>; the DELETED event carries a new
    /// resourceVersion and <paramref name="finalState"/> when given (the update that removed the last finalizer).
    /// </summary>
    public StoredObject Delete(GroupResource resource, string? ns, string name, long expectedResourceVersion, JsonObject? finalState = null)
    {
        lock (_lock)
        {
            var table = Table(resource);
            var current = table.Get(ns ?? string.Empty, name) ?? throw ApiException.NotFound(resource, name);
            if (current.ResourceVersion != expectedResourceVersion)
            {
                throw ApiException.StaleResourceVersion(resource, name);
            }

            table.Remove(current);
            Index(current, null);
            // Like etcd, the deletion itself gets a revision; the final state carries it.
            var final = finalState ?? current.ToJsonObject();
            var tombstone = StoredObject.From(resource, final, ++_resourceVersion, _strings);
            Commit(new StoreEvent(WatchEventType.Deleted, tombstone, current, tombstone.ResourceVersion));
            return tombstone;
        }
    }

    /// <summary>
    /// Opens a watch. With <paramref name="fromResourceVersion"/> null the watcher first receives ADDED for every
    /// current object (and, when asked, a bookmark ending the initial events); otherwise it replays history after that
    /// version, or receives a single 410 ERROR when the version is older than the history holds.
    /// </summary>
    public Watcher Watch(GroupResource resource, string? ns, Func<StoredObject, bool> filter, long? fromResourceVersion, bool initialEventsEndBookmark = false)
    {
        lock (_lock)
        {
            var watcher = new Watcher(resource, ns, filter, _watcherCapacity, Unregister);
            if (fromResourceVersion is null)
            {
                if (_tables.TryGetValue(resource, out var table))
                {
                    foreach (var obj in table.Range(ns, null))
                    {
                        if (watcher.Matches(obj))
                        {
                            watcher.Push(new StoreEvent(WatchEventType.Added, obj, null, obj.ResourceVersion), initial: true);
                        }
                    }
                }

                if (initialEventsEndBookmark)
                {
                    watcher.Push(new StoreEvent(WatchEventType.Bookmark, null, null, _resourceVersion) { InitialEventsEnd = true }, initial: true);
                }
            }
            else if (fromResourceVersion.Value < OldestReplayableVersion())
            {
                var status = ApiException.Expired(string.Create(CultureInfo.InvariantCulture, $"too old resource version: {fromResourceVersion.Value} ({_resourceVersion})")).ToStatus();
                watcher.Push(new StoreEvent(WatchEventType.Error, null, null, _resourceVersion) { Status = status }, initial: true);
                watcher.Close();
                return watcher;
            }
            else
            {
                for (var i = 0; i < _historyCount; i++)
                {
                    var e = _history[(_historyStart + i) % _history.Length]!;
                    if (e.ResourceVersion > fromResourceVersion.Value && e.Object!.Resource == resource)
                    {
                        watcher.Offer(e);
                    }
                }
            }

            if (!_watchers.TryGetValue(resource, out var list))
            {
                list = [];
                _watchers[resource] = list;
            }

            list.Add(watcher);
            return watcher;
        }
    }

    /// <summary>A resourceVersion safe to announce in a bookmark: only when nothing is pending for this watcher.</summary>
    public long? BookmarkVersion(Watcher watcher)
    {
        lock (_lock)
        {
            return watcher.Pending == 0 ? _resourceVersion : null;
        }
    }

    /// <summary>Closes every watch on a resource (its CRD is gone).</summary>
    public void CloseWatchers(GroupResource resource)
    {
        lock (_lock)
        {
            if (_watchers.Remove(resource, out var list))
            {
                foreach (var w in list)
                {
                    w.Close();
                }
            }
        }
    }

    private long OldestReplayableVersion()
    {
        if (_historyCount == _history.Length)
        {
            // The ring is full: events at or before the oldest retained one minus one may be missing.
            return _history[_historyStart]!.ResourceVersion - 1;
        }

        return _compactedThrough;
    }

    private void Commit(StoreEvent change)
    {
        _lastChange[change.Object!.Resource] = change.ResourceVersion;
        if (_historyCount == _history.Length)
        {
            _history[_historyStart] = change;
            _historyStart = (_historyStart + 1) % _history.Length;
        }
        else
        {
            _history[(_historyStart + _historyCount) % _history.Length] = change;
            _historyCount++;
        }

        if (_watchers.TryGetValue(change.Object!.Resource, out var list))
        {
            for (var i = list.Count - 1; i >= 0; i--)
            {
                var watcher = list[i];
                watcher.Offer(change);
                if (watcher.Overflowed)
                {
                    list.RemoveAt(i);
                }
            }
        }

        _changes.Writer.TryWrite(change);
    }

    private void Index(StoredObject? previous, StoredObject? current)
    {
        if (previous is not null)
        {
            _byUid.Remove(previous.Uid);
            foreach (var owner in previous.OwnerUids)
            {
                if (_dependents.TryGetValue(owner, out var set) && set.Remove(previous.Key) && set.Count == 0)
                {
                    _dependents.Remove(owner);
                }
            }
        }

        if (current is not null)
        {
            _byUid[current.Uid] = current;
            foreach (var owner in current.OwnerUids)
            {
                if (!_dependents.TryGetValue(owner, out var set))
                {
                    set = [];
                    _dependents[owner] = set;
                }

                set.Add(current.Key);
            }
        }
    }

    private ResourceTable Table(GroupResource resource)
    {
        if (!_tables.TryGetValue(resource, out var table))
        {
            table = new ResourceTable();
            _tables[resource] = table;
        }

        return table;
    }

    private void Unregister(Watcher watcher)
    {
        lock (_lock)
        {
            if (_watchers.TryGetValue(watcher.Resource, out var list))
            {
                list.Remove(watcher);
            }
        }
    }
}
