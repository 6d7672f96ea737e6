namespace KubeBind.DevApiServer.Storage;

/// <summary>
/// The objects of one resource, keyed "namespace/name" and listed in that order like etcd keys.
/// The sorted key array is rebuilt lazily only when keys are added or removed.
/// </summary>
internal sealed class ResourceTable
{
    private readonly Dictionary<string, StoredObject> _objects = new(StringComparer.Ordinal);
    private string[]? _sortedKeys;

    public int Count => _objects.Count;

    public StoredObject? Get(string ns, string name) => _objects.GetValueOrDefault(KeyOf(ns, name));

    public void Put(StoredObject obj)
    {
        var key = KeyOf(obj.Namespace, obj.Name);
        if (!_objects.ContainsKey(key))
        {
            _sortedKeys = null;
        }

        _objects[key] = obj;
    }

    public void Remove(StoredObject obj)
    {
        if (_objects.Remove(KeyOf(obj.Namespace, obj.Name)))
        {
            _sortedKeys = null;
        }
    }

    /// <summary>Objects in key order, optionally one namespace, optionally strictly after a continue key.</summary>
    public IReadOnlyList<StoredObject> Range(string? ns, string? after)
    {
        var keys = _sortedKeys ??= SortedKeys();
        var start = 0;
        var end = keys.Length;
        if (ns is not null)
        {
            var prefix = ns + "/";
            start = LowerBound(keys, prefix);
            end = LowerBound(keys, ns + "0"); // '0' sorts right after '/', so this bounds the namespace's keys.
        }

        if (after is not null)
        {
            var i = LowerBound(keys, after);
            if (i < keys.Length && string.Equals(keys[i], after, StringComparison.Ordinal))
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

    public static string KeyOf(string ns, string name) => ns + "/" + name;

    private string[] SortedKeys()
    {
        var keys = _objects.Keys.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        return keys;
    }

    private static int LowerBound(string[] keys, string value)
    {
        int lo = 0, hi = keys.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(keys[mid], value) < 0)
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
