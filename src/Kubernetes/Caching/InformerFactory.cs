using KubeBind.Kubernetes.Models;
using KubeBind.Kubernetes.Rest;

namespace KubeBind.Kubernetes.Caching;

/// <summary>
/// Shares informers: asking twice for the same resource, namespace and selectors returns the same informer, so
/// many controllers cost one list and one watch per resource. <see cref="StartAsync"/> runs every informer it made.
/// </summary>
public sealed class InformerFactory(KubernetesClient client, TimeProvider? time = null) : IAsyncDisposable
{
    private readonly Dictionary<(GroupVersionResource, string?, string?, string?, Type), object> _informers = [];
    private readonly List<(Func<CancellationToken, Task> Run, Func<CancellationToken, Task> WaitForSync, Func<ValueTask> Dispose)> _runs = [];
    private readonly Lock _lock = new();
    private readonly List<Task> _running = [];
    private CancellationToken _started = CancellationToken.None;
    private bool _isStarted;

    /// <summary>The shared dynamic informer for a resource (one watch however many callers).</summary>
    public Informer<System.Text.Json.Nodes.JsonObject> For(GroupVersionResource resource, InformerOptions? options = null) =>
        GetOrAdd(client.Resource(resource), options);

    /// <summary>The shared informer for a resource client of any object type.</summary>
    public Informer<T> GetOrAdd<T>(ResourceClient<T> resource, InformerOptions? options = null)
        where T : class
    {
        options ??= new InformerOptions();
        var key = (resource.Resource, options.Namespace, options.LabelSelector, options.FieldSelector, typeof(T));
        lock (_lock)
        {
            if (_informers.TryGetValue(key, out var existing))
            {
                return (Informer<T>)existing;
            }

            var informer = new Informer<T>(resource, options, time);
            _informers[key] = informer;
            _runs.Add((informer.RunAsync, informer.WaitForSyncAsync, informer.DisposeAsync));
            if (_isStarted)
            {
                _running.Add(informer.RunAsync(_started));
            }

            return informer;
        }
    }

    /// <summary>Starts every informer (and any made later) until <paramref name="cancellationToken"/> fires.</summary>
    public void Start(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_isStarted)
            {
                return; // a shared factory may be started by several controllers; informers run once
            }

            _started = cancellationToken;
            _isStarted = true;
            _running.AddRange(_runs.Select(r => r.Run(cancellationToken)));
        }
    }

    /// <summary>Starts everything and waits until every informer has synced.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Start(cancellationToken);
        lock (_lock)
        {
            return Task.WhenAll(_runs.Select(r => r.WaitForSync(cancellationToken)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<(Func<CancellationToken, Task> Run, Func<CancellationToken, Task> WaitForSync, Func<ValueTask> Dispose)> runs;
        lock (_lock)
        {
            runs = [.. _runs];
        }

        foreach (var run in runs)
        {
            await run.Dispose().ConfigureAwait(false);
        }

        await Task.WhenAll(_running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
