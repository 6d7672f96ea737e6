using KubeBind.Kubernetes.Models;

namespace KubeBind.Kubernetes.Discovery;

/// <summary>
/// Maps kinds to resources and back, with scope. The mapping is cached; a kind or resource that is not found triggers
/// a refresh (at most once per <see cref="MinRefreshInterval"/>), so CRDs that appear are found, and the cache
/// expires after <see cref="MaxAge"/>, so CRDs that disappear are forgotten.
/// </summary>
public sealed class RestMapper(DiscoveryClient discovery, TimeProvider? time = null) : IDisposable
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Snapshot? _snapshot;

    public TimeSpan MinRefreshInterval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxAge { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The resource serving <paramref name="kind"/>; throws <see cref="KindNotFoundException"/> if none does.</summary>
    public async Task<ApiResource> ResourceForAsync(GroupVersionKind kind, CancellationToken cancellationToken = default) =>
        await FindAsync(s => s.ByKind.GetValueOrDefault(kind), kind.ToString(), cancellationToken).ConfigureAwait(false);

    /// <summary>The description of <paramref name="resource"/>; throws <see cref="KindNotFoundException"/> if it is not served.</summary>
    public async Task<ApiResource> DescribeAsync(GroupVersionResource resource, CancellationToken cancellationToken = default) =>
        await FindAsync(s => s.ByResource.GetValueOrDefault(resource), resource.ToString(), cancellationToken).ConfigureAwait(false);

    /// <summary>Drops the cache, e.g. after installing or removing CRDs.</summary>
    public void Invalidate() => _snapshot = null;

    public void Dispose() => _refresh.Dispose();

    private async Task<ApiResource> FindAsync(Func<Snapshot, ApiResource?> lookup, string what, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && _time.GetUtcNow() - snapshot.Taken < MaxAge && lookup(snapshot) is { } cached)
        {
            return cached;
        }

        snapshot = await RefreshAsync(snapshot, cancellationToken).ConfigureAwait(false);
        return lookup(snapshot) ?? throw new KindNotFoundException(what);
    }

    private async Task<Snapshot> RefreshAsync(Snapshot? seen, CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _snapshot;
            // Another caller refreshed meanwhile, or we refreshed too recently to learn anything new.
            if (current is not null && (!ReferenceEquals(current, seen) || _time.GetUtcNow() - current.Taken < MinRefreshInterval))
            {
                return current;
            }

            var resources = await discovery.GetResourcesAsync(cancellationToken).ConfigureAwait(false);
            _snapshot = new Snapshot(resources, _time.GetUtcNow());
            return _snapshot;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private sealed class Snapshot
    {
        public Snapshot(IReadOnlyList<ApiResource> resources, DateTimeOffset taken)
        {
            Taken = taken;
            foreach (var resource in resources)
            {
                ByKind.TryAdd(resource.GroupVersionKind, resource);
                ByResource.TryAdd(resource.Resource, resource);
            }
        }

        public DateTimeOffset Taken { get; }

        public Dictionary<GroupVersionKind, ApiResource> ByKind { get; } = [];

        public Dictionary<GroupVersionResource, ApiResource> ByResource { get; } = [];
    }
}
