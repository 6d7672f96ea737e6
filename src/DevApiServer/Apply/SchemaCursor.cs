using System.Text.Json.Nodes;

namespace KubeBind.DevApiServer.Apply;

/// <summary>A position in an <see cref="ApplySchema"/> while walking an object: the node plus the field path for overrides.</summary>
internal readonly struct SchemaCursor
{
    private readonly ApplySchema _schema;
    private readonly SchemaNode _node;
    private readonly string _path;
    private readonly bool _isRoot;

    public SchemaCursor(ApplySchema schema, SchemaNode node, string path, bool isRoot)
    {
        _schema = schema;
        _node = node;
        _path = path;
        _isRoot = isRoot;
    }

    /// <summary>Gets the key fields of an associative list.</summary>
    public IReadOnlyList<string> Keys => _node.Keys;

    /// <summary>Gets a value indicating whether the schema declares a granular map or list here (not deduced).</summary>
    /// <remarks>SMD ignores an explicit null applied to such a field: it neither owns nor clears it.</remarks>
    public bool IsDeclaredGranular => !_isRoot && _node.Kind is SchemaKind.Map or SchemaKind.List;

    /// <summary>Returns the cursor of a map field.</summary>
    public SchemaCursor Field(string name)
    {
        SchemaNode child;
        if (_isRoot && name is "apiVersion" or "kind")
        {
            child = SchemaNode.Untracked;
        }
        else if (_isRoot && name == "metadata")
        {
            child = SchemaNode.ObjectMeta;
        }
        else if (_node.Kind == SchemaKind.Map)
        {
            child = _node.Properties.TryGetValue(name, out var property) ? property : _node.Element ?? SchemaNode.Deduced;
        }
        else
        {
            child = SchemaNode.Deduced;
        }

        if (!_schema.HasOverrides)
        {
            return new SchemaCursor(_schema, child, _path, isRoot: false);
        }

        var childPath = _path.Length == 0 ? name : string.Concat(_path, ApplySchema.PathSeparator.ToString(), name);
        return new SchemaCursor(_schema, _schema.ApplyOverride(childPath, child), childPath, isRoot: false);
    }

    /// <summary>Returns the cursor of a list's items; items do not extend the override path.</summary>
    public SchemaCursor Item() =>
        new(_schema, _node.Kind == SchemaKind.List ? _node.Items ?? SchemaNode.Deduced : SchemaNode.Deduced, _path, isRoot: false);

    /// <summary>Returns whether a map field is declared by the schema (SMD's named fields, which prune removes whole).</summary>
    public bool IsNamedField(string name) =>
        (_isRoot && name is "apiVersion" or "kind" or "metadata") ||
        (_node.Kind == SchemaKind.Map && _node.Properties.ContainsKey(name));

    /// <summary>Returns how a value at this position is walked; a mismatched JSON kind degrades to a leaf.</summary>
    public ValueShape ShapeOf(JsonNode? value)
    {
        if (_node.Kind == SchemaKind.Untracked)
        {
            return ValueShape.Untracked;
        }

        if (_isRoot)
        {
            return value is JsonObject ? ValueShape.Map : ValueShape.Leaf;
        }

        return _node.Kind switch
        {
            SchemaKind.Deduced or SchemaKind.Map when value is JsonObject => ValueShape.Map,
            SchemaKind.List when value is JsonArray => _node.ListKind == ListKind.Map ? ValueShape.AssociativeList : ValueShape.SetList,
            _ => ValueShape.Leaf,
        };
    }
}
