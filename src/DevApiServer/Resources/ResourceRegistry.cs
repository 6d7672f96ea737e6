using System.Collections.Immutable;
using KubeBind.DevApiServer.Api;

namespace KubeBind.DevApiServer.Resources;

/// <summary>
/// The served API surface: built-in types plus established CRDs. Readers get an immutable snapshot, so
/// discovery and routing never lock; CRD changes swap the snapshot.
/// </summary>
internal sealed class ResourceRegistry
{
    private readonly Lock _writeLock = new();
    private ImmutableList<ResourceType> _builtIns = [];
    private ImmutableDictionary<string, ImmutableList<ResourceType>> _custom = ImmutableDictionary<string, ImmutableList<ResourceType>>.Empty;
    private volatile Snapshot _snapshot = new([]);

    /// <summary>Raised after the served types changed (a CRD was established or removed).</summary>
    public event Action? Changed;

    public Snapshot Current => _snapshot;

    public void AddBuiltIns(IEnumerable<ResourceType> types)
    {
        lock (_writeLock)
        {
            _builtIns = _builtIns.AddRange(types);
            Rebuild();
        }
    }

    /// <summary>Serves (or re-serves) every version of one CRD, keyed by its name.</summary>
    public void SetCustom(string crdName, IReadOnlyList<ResourceType> versions)
    {
        lock (_writeLock)
        {
            _custom = versions.Count == 0 ? _custom.Remove(crdName) : _custom.SetItem(crdName, [.. versions]);
            Rebuild();
        }

        Changed?.Invoke();
    }

    public void RemoveCustom(string crdName) => SetCustom(crdName, []);

    private void Rebuild() => _snapshot = new Snapshot([.. _builtIns, .. _custom.Values.SelectMany(v => v)]);

    /// <summary>An immutable view of everything served at one moment.</summary>
    internal sealed class Snapshot
    {
        private readonly Dictionary<(string Group, string Version, string Resource), ResourceType> _byResource = [];
        private readonly Dictionary<(string Group, string Version), List<ResourceType>> _byGroupVersion = [];

        public Snapshot(IReadOnlyList<ResourceType> all)
        {
            All = all;
            foreach (var type in all)
            {
                // Built-ins come first and always win; unserved storage versions are reachable only through Storage().
                if (!type.Served || !_byResource.TryAdd((type.Group, type.Version, type.Resource), type))
                {
                    continue;
                }

                if (!_byGroupVersion.TryGetValue((type.Group, type.Version), out var list))
                {
                    list = [];
                    _byGroupVersion[(type.Group, type.Version)] = list;
                }

                list.Add(type);
            }

            Groups = all
                .Where(t => t.Served)
                .GroupBy(t => t.Group)
                .Select(g => new ApiGroup(g.Key, g.Select(t => t.Version).Distinct().OrderBy(v => v, VersionPriority.Comparer).ToList()))
                .OrderBy(g => g.Name.Length == 0 ? 0 : 1)
                .ThenBy(g => g.Name, StringComparer.Ordinal)
                .ToList();
        }

        public IReadOnlyList<ResourceType> All { get; }

        /// <summary>Groups with their served versions, highest priority first.</summary>
        public IReadOnlyList<ApiGroup> Groups { get; }

        public ResourceType? Find(string group, string version, string resource) =>
            _byResource.GetValueOrDefault((group, version, resource));

        public IReadOnlyList<ResourceType> InGroupVersion(string group, string version) =>
            _byGroupVersion.TryGetValue((group, version), out var list) ? list : [];

        /// <summary>The served version of a resource that stores objects (for internal controllers).</summary>
        public ResourceType? Storage(GroupResource resource) =>
            All.FirstOrDefault(t => t.GroupResource == resource && (t.StorageVersion.Length == 0 || t.Version == t.StorageVersion));

        public ResourceType? ByKind(string apiVersion, string kind) =>
            All.FirstOrDefault(t => t.ApiVersion == apiVersion && t.Kind == kind);
    }

    internal sealed record ApiGroup(string Name, IReadOnlyList<string> Versions);
}
