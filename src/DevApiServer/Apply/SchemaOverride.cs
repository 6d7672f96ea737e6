namespace KubeBind.DevApiServer.Apply;

/// <summary>A caller-given merge relationship for one path, for built-in types whose schema is deduced.</summary>
internal sealed record SchemaOverride(SchemaKind Kind, ListKind ListKind, IReadOnlyList<string> Keys)
{
    /// <summary>Returns the node at the overridden path, keeping the base node's item schema.</summary>
    public SchemaNode ApplyTo(SchemaNode baseNode)
    {
        if (Kind == SchemaKind.Leaf)
        {
            return SchemaNode.Leaf;
        }

        var items = baseNode.Kind == SchemaKind.List ? baseNode.Items : null;
        return ListKind == ListKind.Map ? SchemaNode.AssociativeList(items, Keys) : SchemaNode.SetList(items);
    }
}
