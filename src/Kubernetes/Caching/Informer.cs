using System.Threading.Channels;
using KubeBind.Kubernetes.Rest;

namespace KubeBind.Kubernetes.Caching;

/// <summary>
/// List + watch into a thread-safe cache (client-go's reflector and indexer). Subscribers get every change in order,
/// deletions with the object's final state, periodic resyncs, and — when they subscribe late — the current contents as
/// Added first. A 410 relists and reconciles the cache against the fresh list, emitting the differences.
/// </summary>
public sealed class Informer<T> : IAsyncDisposable
    where T : class
{
    /// <summary>The built-in index: objects by namespace ("" for cluster-scoped).</summary>
    public const string NamespaceIndex = "namespace";

    private readonly ResourceClient<T> _resource;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, T> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<T, IEnumerable<string>>> _indexers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, HashSet<string>>> _indices = new(StringComparer.Ordinal);
    private readonly List<Channel<InformerEvent<T>>> _subscribers = [];
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // Cancelled (never disposed) on DisposeAsync, so a late RunAsync or Subscribe still sees a usable token.
    private readonly CancellationTokenSource _disposed = new();
    private bool _isDisposed;

    public Informer(ResourceClient<T> resource, InformerOptions? options = null, TimeProvider? time = null)
    {
        _resource = resource;
        Options = options ?? new InformerOptions();
        _time = time ?? TimeProvider.System;
        AddIndexer(NamespaceIndex, obj => [ObjectKeys.Of(obj).Namespace ?? string.Empty]);
    }

    public InformerOptions Options { get; }

    /// <summary>True once the first list is in the cache.</summary>
    public bool HasSynced => _synced.Task.IsCompleted;

    /// <summary>The resourceVersion the cache is current to (from the last list, event or bookmark).</summary>
    public string LastSyncResourceVersion { get; private set; } = string.Empty;

    /// <summary>How often the informer relisted after its watch was too old (410), for diagnostics.</summary>
    public int Relists { get; private set; }

    /// <summary>Raised (never throwing) when a list or watch fails and the informer backs off.</summary>
    public event Action<Exception>? Error;

    /// <summary>Completes when the first list is in the cache.</summary>
    public Task WaitForSyncAsync(CancellationToken cancellationToken = default) => _synced.Task.WaitAsync(cancellationToken);

    /// <summary>Adds an index; values are computed for cached objects at once and kept current.</summary>
    public void AddIndexer(string name, Func<T, IEnumerable<string>> indexer)
    {
        lock (_lock)
        {
            _indexers[name] = indexer;
            _indices[name] = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var (key, item) in _items)
            {
                Index(name, indexer, key, item, add: true);
            }
        }
    }

    public T? Get(string key)
    {
        lock (_lock)
        {
            return _items.GetValueOrDefault(key);
        }
    }

    public T? Get(string? ns, string name) => Get(ObjectKeys.Key(ns, name));

    public IReadOnlyList<T> List()
    {
        lock (_lock)
        {
            return [.. _items.Values];
        }
    }

    /// <summary>The cached objects whose index <paramref name="index"/> has <paramref name="value"/>.</summary>
    public IReadOnlyList<T> ByIndex(string index, string value)
    {
        lock (_lock)
        {
            if (!_indices.TryGetValue(index, out var values))
            {
                throw new ArgumentException($"no index named '{index}'", nameof(index));
            }

            return values.TryGetValue(value, out var keys) ? [.. keys.Where(_items.ContainsKey).Select(k => _items[k])] : [];
        }
    }

    /// <summary>A stream of changes; with <paramref name="replay"/> it starts with Added for everything cached.</summary>
    public ChannelReader<InformerEvent<T>> Subscribe(bool replay = true)
    {
        var channel = Channel.CreateUnbounded<InformerEvent<T>>(new UnboundedChannelOptions { SingleWriter = true });
        lock (_lock)
        {
            if (_isDisposed)
            {
                channel.Writer.TryComplete();
                return channel.Reader;
            }

            if (replay)
            {
                foreach (var (key, item) in _items)
                {
                    channel.Writer.TryWrite(new InformerEvent<T>(InformerEventType.Added, key, item));
                }
            }

            _subscribers.Add(channel);
        }

        return channel.Reader;
    }

    /// <summary>Lists, then watches, until cancelled; relists after 410 and backs off after other failures.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token);
        var token = linked.Token;
        var resync = Options.ResyncPeriod is { } period ? ResyncAsync(period, token) : Task.CompletedTask;
        var failures = 0;
        try
        {
            while (!token.IsCancellationRequested)
            {
                try
                {
                    var list = await _resource.ListAsync(
                        Options.Namespace,
                        new ListOptions { LabelSelector = Options.LabelSelector, FieldSelector = Options.FieldSelector, Limit = Options.PageSize },
                        token).ConfigureAwait(false);
                    Replace(list.Items, list.ResourceVersion);
                    failures = 0;
                    var watch = new WatchOptions
                    {
                        ResourceVersion = list.ResourceVersion,
                        LabelSelector = Options.LabelSelector,
                        FieldSelector = Options.FieldSelector,
                        AllowBookmarks = true,
                    };
                    await foreach (var e in _resource.WatchAsync(Options.Namespace, watch, token).ConfigureAwait(false))
                    {
                        Apply(e);
                    }
                }
                catch (KubernetesApiException e) when (e.IsGone && !token.IsCancellationRequested)
                {
                    // The watch fell behind the server's history: relist at once, but back off if it keeps happening.
                    Relists++;
                    if (failures++ > 0)
                    {
                        await Task.Delay(Backoff(failures), _time, token).ConfigureAwait(false);
                    }
                }
                catch (Exception e) when (!token.IsCancellationRequested)
                {
                    // Anything else (timeouts included) is reported and retried: an informer never stops on its own.
                    Error?.Invoke(e);
                    await Task.Delay(Backoff(failures++), _time, token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopped.
        }
        finally
        {
            await resync.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Stops delivering to a reader from <see cref="Subscribe"/> and completes it.</summary>
    public void Unsubscribe(ChannelReader<InformerEvent<T>> reader)
    {
        lock (_lock)
        {
            var channel = _subscribers.FirstOrDefault(c => ReferenceEquals(c.Reader, reader));
            if (channel is not null)
            {
                _subscribers.Remove(channel);
                channel.Writer.TryComplete();
            }
        }
    }

    /// <summary>Stops a running informer and completes every subscription; safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            if (_isDisposed)
            {
                return;
            }

            _isDisposed = true;
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryComplete();
            }

            _subscribers.Clear();
        }

        await _disposed.CancelAsync().ConfigureAwait(false);
    }

    private TimeSpan Backoff(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(Options.MaxBackoff.TotalMilliseconds, 100 * Math.Pow(2, failures)));

    /// <summary>Makes the cache equal to a fresh list, emitting Added/Updated/Deleted for the differences.</summary>
    private void Replace(IReadOnlyList<T> items, string resourceVersion)
    {
        lock (_lock)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                var (key, _, version) = ObjectKeys.Of(item);
                seen.Add(key);
                if (!_items.TryGetValue(key, out var old))
                {
                    Upsert(key, item, null);
                    Emit(new InformerEvent<T>(InformerEventType.Added, key, item));
                }
                else if (ObjectKeys.UidOf(old) != ObjectKeys.UidOf(item))
                {
                    // Deleted and recreated under the same name while we could not watch: two objects, two events.
                    Remove(key, old);
                    Emit(new InformerEvent<T>(InformerEventType.Deleted, key, old, old));
                    Upsert(key, item, null);
                    Emit(new InformerEvent<T>(InformerEventType.Added, key, item));
                }
                else if (ObjectKeys.Of(old).ResourceVersion != version)
                {
                    Upsert(key, item, old);
                    Emit(new InformerEvent<T>(InformerEventType.Updated, key, item, old));
                }
            }

            foreach (var (key, old) in _items.Where(p => !seen.Contains(p.Key)).ToList())
            {
                Remove(key, old);
                Emit(new InformerEvent<T>(InformerEventType.Deleted, key, old, old));
            }

            LastSyncResourceVersion = resourceVersion;
        }

        _synced.TrySetResult();
    }

    private void Apply(WatchEvent<T> e)
    {
        lock (_lock)
        {
            if (e.Type != WatchEventType.Bookmark)
            {
                var key = ObjectKeys.Of(e.Object).Key;
                _items.TryGetValue(key, out var old);
                if (e.Type == WatchEventType.Deleted)
                {
                    if (old is not null)
                    {
                        Remove(key, old);
                    }

                    Emit(new InformerEvent<T>(InformerEventType.Deleted, key, e.Object, old));
                }
                else
                {
                    Upsert(key, e.Object, old);
                    Emit(new InformerEvent<T>(old is null ? InformerEventType.Added : InformerEventType.Updated, key, e.Object, old));
                }
            }

            if (e.ResourceVersion.Length > 0)
            {
                LastSyncResourceVersion = e.ResourceVersion;
            }
        }
    }

    private async Task ResyncAsync(TimeSpan period, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(period, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                lock (_lock)
                {
                    foreach (var (key, item) in _items)
                    {
                        Emit(new InformerEvent<T>(InformerEventType.Updated, key, item, item, IsResync: true));
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped with the informer.
        }
    }

    private void Upsert(string key, T item, T? old)
    {
        if (old is not null)
        {
            Remove(key, old);
        }

        _items[key] = item;
        foreach (var (name, indexer) in _indexers)
        {
            Index(name, indexer, key, item, add: true);
        }
    }

    private void Remove(string key, T old)
    {
        _items.Remove(key);
        foreach (var (name, indexer) in _indexers)
        {
            Index(name, indexer, key, old, add: false);
        }
    }

    /// <summary>An indexer that throws indexes the object under no value, and is reported, so the cache stays whole.</summary>
    private IReadOnlyList<string> Values(Func<T, IEnumerable<string>> indexer, T item)
    {
        try
        {
            return [.. indexer(item)];
        }
#pragma warning disable CA1031 // User code: any failure is reported through Error and must not corrupt the cache.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Error?.Invoke(e);
            return [];
        }
    }

    private void Index(string name, Func<T, IEnumerable<string>> indexer, string key, T item, bool add)
    {
        var index = _indices[name];
        foreach (var value in Values(indexer, item))
        {
            if (add)
            {
                if (!index.TryGetValue(value, out var keys))
                {
                    keys = new HashSet<string>(StringComparer.Ordinal);
                    index[value] = keys;
                }

                keys.Add(key);
            }
            else if (index.TryGetValue(value, out var keys) && keys.Remove(key) && keys.Count == 0)
            {
                index.Remove(value);
            }
        }
    }

    private void Emit(InformerEvent<T> e)
    {
        foreach (var subscriber in _subscribers)
        {
            subscriber.Writer.TryWrite(e);
        }
    }
}
