namespace KubeBind.DevApiServer.Patching;

/// <summary>One field name in the schema tree; list items share their list's node.</summary>
internal sealed class StrategicPatchSchemaNode
{
    private readonly Dictionary<string, StrategicPatchSchemaNode> _children = new(StringComparer.Ordinal);

    private StrategicPatchSchemaNode()
    {
    }

    /// <summary>How this field is patched.</summary>
    public StrategicPatchField Field { get; private set; } = StrategicPatchField.Default;

    /// <summary>Builds the tree once; it is only read afterwards, so concurrent patches can share it.</summary>
    public static StrategicPatchSchemaNode Build(IEnumerable<KeyValuePair<string[], StrategicPatchField>> fields)
    {
        var root = new StrategicPatchSchemaNode();
        foreach (var (path, field) in fields)
        {
            var node = root;
            foreach (var name in path)
            {
                if (!node._children.TryGetValue(name, out var child))
                {
                    child = new StrategicPatchSchemaNode();
                    node._children.Add(name, child);
                }

                node = child;
            }

            node.Field = field;
        }

        return root;
    }

    /// <summary>The node of a member of this field's map (or its list items' maps); null where the schema knows nothing.</summary>
    public StrategicPatchSchemaNode? Child(string name) => _children.GetValueOrDefault(name);
}
