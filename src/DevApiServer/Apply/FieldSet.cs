using System.Text.Json.Nodes;

namespace KubeBind.DevApiServer.Apply;

/// <summary>A set of field paths stored as a trie, with SMD's set operations and the FieldsV1 wire format.</summary>
/// <remarks>
/// A node's members are the path elements that end a path at that node; its children are the nodes below.
/// Set operations return new sets and never share nodes with their inputs; only <see cref="Insert"/> mutates.
/// Empty child nodes are never kept, so an empty set has neither members nor children.
/// </remarks>
internal sealed class FieldSet
{
    private const int MaxDepth = JsonValues.MaxDepth + 28;

    private readonly SortedSet<PathElement> _members = [];
    private readonly SortedDictionary<PathElement, FieldSet> _children = [];

    /// <summary>Gets a value indicating whether the set holds no path.</summary>
    public bool IsEmpty => _members.Count == 0 && _children.Count == 0;

    /// <summary>Gets the elements that end a path at this node.</summary>
    public IReadOnlyCollection<PathElement> Members => _members;

    /// <summary>Gets the nodes below this one.</summary>
    public IReadOnlyDictionary<PathElement, FieldSet> Children => _children;

    /// <summary>Builds a set from paths.</summary>
    public static FieldSet FromPaths(IEnumerable<FieldPath> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var set = new FieldSet();
        foreach (var path in paths)
        {
            set.Insert(path);
        }

        return set;
    }

    /// <summary>Reads the FieldsV1 form: each key a path element, <c>"."</c> marking a node that is also a member.</summary>
    /// <exception cref="FormatException">The JSON is not a valid FieldsV1 tree.</exception>
    public static FieldSet FromFieldsV1(JsonObject fieldsV1)
    {
        ArgumentNullException.ThrowIfNull(fieldsV1);
        return Read(fieldsV1, 0).Set;
    }

    /// <summary>Adds a path; the empty path is ignored as in SMD.</summary>
    public void Insert(IReadOnlyList<PathElement> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var node = this;
        for (var i = 0; i < path.Count; i++)
        {
            if (i == path.Count - 1)
            {
                node._members.Add(path[i]);
                return;
            }

            if (!node._children.TryGetValue(path[i], out var child))
            {
                child = new FieldSet();
                node._children[path[i]] = child;
            }

            node = child;
        }
    }

    /// <summary>Returns whether the set holds exactly this path.</summary>
    public bool Has(IReadOnlyList<PathElement> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var node = this;
        for (var i = 0; i < path.Count; i++)
        {
            if (i == path.Count - 1)
            {
                return node._members.Contains(path[i]);
            }

            if (!node._children.TryGetValue(path[i], out node))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Returns whether the element ends a path at this node.</summary>
    public bool HasMember(PathElement element) => _members.Contains(element);

    /// <summary>Returns the node below an element, or null.</summary>
    public FieldSet? ChildOf(PathElement element) => _children.GetValueOrDefault(element);

    /// <summary>Returns the paths in SMD's iteration order: at each node its members, then its children's paths.</summary>
    public IEnumerable<FieldPath> Paths() => Iterate([]);

    /// <summary>Returns every path in either set.</summary>
    public FieldSet Union(FieldSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var result = Clone();
        result.AddAll(other);
        return result;
    }

    /// <summary>Returns the paths in both sets.</summary>
    public FieldSet Intersection(FieldSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var result = new FieldSet();
        result._members.UnionWith(_members.Where(other._members.Contains));
        foreach (var (element, child) in _children)
        {
            if (other._children.TryGetValue(element, out var otherChild))
            {
                result.AddChildIfNotEmpty(element, child.Intersection(otherChild));
            }
        }

        return result;
    }

    /// <summary>Returns the paths of this set that are not in the other (exact paths, not prefixes).</summary>
    public FieldSet Difference(FieldSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var result = new FieldSet();
        result._members.UnionWith(_members.Where(m => !other._members.Contains(m)));
        foreach (var (element, child) in _children)
        {
            result.AddChildIfNotEmpty(element, other._children.TryGetValue(element, out var otherChild) ? child.Difference(otherChild) : child.Clone());
        }

        return result;
    }

    /// <summary>Returns the paths of this set that neither are in the other nor lie below one of its paths.</summary>
    public FieldSet RecursiveDifference(FieldSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var result = new FieldSet();
        result._members.UnionWith(_members.Where(m => !other._members.Contains(m)));
        foreach (var (element, child) in _children)
        {
            if (other._members.Contains(element))
            {
                continue;
            }

            result.AddChildIfNotEmpty(element, other._children.TryGetValue(element, out var otherChild) ? child.RecursiveDifference(otherChild) : child.Clone());
        }

        return result;
    }

    /// <summary>Returns whether both sets hold the same paths.</summary>
    public bool SetEquals(FieldSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!_members.SetEquals(other._members) || _children.Count != other._children.Count)
        {
            return false;
        }

        foreach (var (element, child) in _children)
        {
            if (!other._children.TryGetValue(element, out var otherChild) || !child.SetEquals(otherChild))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns a deep copy.</summary>
    public FieldSet Clone()
    {
        var result = new FieldSet();
        result.AddAll(this);
        return result;
    }

    /// <summary>Writes the FieldsV1 form, keys in SMD's order, with <c>"."</c> first where a node is also a member.</summary>
    public JsonObject ToFieldsV1() => Write(isMember: false);

    /// <summary>Returns the paths in SMD's string form, for diagnostics.</summary>
    public override string ToString() => string.Join(", ", Paths());

    private static (FieldSet Set, bool IsMember) Read(JsonObject node, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new FormatException("FieldsV1 nests too deeply.");
        }

        var set = new FieldSet();
        var isMember = false;
        foreach (var (key, value) in node)
        {
            if (key == ".")
            {
                isMember = true;
                continue;
            }

            var element = PathElement.ParseFieldsV1Key(key);
            if (element is null)
            {
                // SMD skips element types it does not know, so a newer server's data still loads.
                continue;
            }

            if (value is not JsonObject childNode)
            {
                throw new FormatException($"FieldsV1 entry '{key}' must be an object.");
            }

            var (child, childIsMember) = Read(childNode, depth + 1);
            if (childIsMember)
            {
                set._members.Add(element);
            }

            // Two spellings of one element (v:1 and v:1.0) merge instead of overwriting each other.
            if (!child.IsEmpty)
            {
                if (set._children.TryGetValue(element, out var existing))
                {
                    existing.AddAll(child);
                }
                else
                {
                    set._children[element] = child;
                }
            }
        }

        // A node without known _children is a leaf, hence a member.
        return (set, isMember || set.IsEmpty);
    }

    private IEnumerable<FieldPath> Iterate(List<PathElement> prefix)
    {
        foreach (var member in _members)
        {
            yield return new FieldPath([.. prefix, member]);
        }

        foreach (var (element, child) in _children)
        {
            prefix.Add(element);
            foreach (var path in child.Iterate(prefix))
            {
                yield return path;
            }

            prefix.RemoveAt(prefix.Count - 1);
        }
    }

    private JsonObject Write(bool isMember)
    {
        var result = new JsonObject();
        if (isMember)
        {
            result["."] = new JsonObject();
        }

        foreach (var element in _members.Union(_children.Keys).Order())
        {
            result[element.ToFieldsV1Key()] = _children.TryGetValue(element, out var child)
                ? child.Write(_members.Contains(element))
                : new JsonObject();
        }

        return result;
    }

    private void AddAll(FieldSet other)
    {
        _members.UnionWith(other._members);
        foreach (var (element, otherChild) in other._children)
        {
            if (!_children.TryGetValue(element, out var child))
            {
                child = new FieldSet();
                _children[element] = child;
            }

            child.AddAll(otherChild);
        }
    }

    private void AddChildIfNotEmpty(PathElement element, FieldSet child)
    {
        if (!child.IsEmpty)
        {
            _children[element] = child;
        }
    }
}
