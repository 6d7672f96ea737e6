namespace KubeBind.DevApiServer.Storage;

/// <summary>
/// The objects of one resource, keyed by (namespace, name) and listed in that order like etcd keys. Keys reuse the
/// stored object's strings; the sorted key array is rebuilt lazily, only after keys were added or removed.
/// </summary>
internal sealed class ResourceTable
{
    private static readonly IComparer<(string Namespace, string Name)> Order = Comparer<(string Namespace, string Name)>.Create(Compare);

    private readonly Dictionary<(string Namespace, string Name), StoredObject> _objects = [];
    private (string Namespace, string Name)[]? _sortedKeys;

    public int Count => _objects.Count;

    public StoredObject? Get(string ns, string name) => _objects.GetValueOrDefault((ns, name));

    public void Put(StoredObject obj)
    {
        var key = (obj.Namespace, obj.Name);
        if (!_objects.ContainsKey(key))
        {
            _sortedKeys = null;
        }

        _objects[key] = obj;
    }

    public void Remove(StoredObject obj)
    {
        if (_objects.Remove((obj.Namespace, obj.Name)))
        {
            _sortedKeys = null;
        }
    }

    /// <summary>Objects in key order, optionally one namespace, optionally strictly after a continue key ("namespace/name").</summary>
    public IReadOnlyList<StoredObject> Range(string? ns, string? after)
    {
        var keys = _sortedKeys ??= SortedKeys();
        var start = 0;
        var end = keys.Length;
        if (ns is not null)
        {
            start = LowerBound(keys, (ns, string.Empty));
            end = start;
            while (end < keys.Length && string.Equals(keys[end].Namespace, ns, StringComparison.Ordinal))
            {
                end++;
            }
        }

        if (after is not null)
        {
            var afterKey = ParseKey(after);
            var i = LowerBound(keys, afterKey);
            if (i < keys.Length && Compare(keys[i], afterKey) == 0)
            {
                i++;
            }

            start = Math.Max(start, i);
        }

        var result = new StoredObject[Math.Max(0, end - start)];
        for (var i = start; i < end; i++)
        {
            result[i - start] = _objects[keys[i]];
        }

        return result;
    }

    /// <summary>The continue key of an object: namespaces cannot contain '/', so it splits back unambiguously.</summary>
    public static string KeyOf(string ns, string name) => ns + "/" + name;

    public static (string Namespace, string Name) ParseKey(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (string.Empty, key) : (key[..slash], key[(slash + 1)..]);
    }

    /// <summary>Key order: namespace, then name, ordinally (the order lists and continue tokens follow).</summary>
    public static int Compare(StoredObject a, StoredObject b) => Compare((a.Namespace, a.Name), (b.Namespace, b.Name));

    private (string Namespace, string Name)[] SortedKeys()
    {
        var keys = _objects.Keys.ToArray();
        Array.Sort(keys, Order);
        return keys;
    }

    public static int Compare((string Namespace, string Name) a, (string Namespace, string Name) b)
    {
        var byNamespace = string.CompareOrdinal(a.Namespace, b.Namespace);
        return byNamespace != 0 ? byNamespace : string.CompareOrdinal(a.Name, b.Name);
    }

    private static int LowerBound((string Namespace, string Name)[] keys, (string Namespace, string Name) value)
    {
        int lo = 0, hi = keys.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Compare(keys[mid], value) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
