using System.Collections.ObjectModel;

namespace KubeBind.DevApiServer.Apply;

/// <summary>One node of an <see cref="ApplySchema"/>: the merge relationship of the values at a position.</summary>
internal sealed class SchemaNode
{
    private static readonly ReadOnlyDictionary<string, SchemaNode> NoProperties = new(new Dictionary<string, SchemaNode>());

    /// <summary>Gets the shared node for schemaless data.</summary>
    public static SchemaNode Deduced { get; } = new() { Kind = SchemaKind.Deduced };

    /// <summary>Gets the shared node for scalars and atomic values.</summary>
    public static SchemaNode Leaf { get; } = new() { Kind = SchemaKind.Leaf };

    /// <summary>Gets the shared node for server-controlled values.</summary>
    public static SchemaNode Untracked { get; } = new() { Kind = SchemaKind.Untracked };

    /// <summary>Gets the ObjectMeta semantics every root's metadata follows, whatever a CRD schema says.</summary>
    public static SchemaNode ObjectMeta { get; } = CreateObjectMeta();

    /// <summary>Gets the kind of node.</summary>
    public SchemaKind Kind { get; init; }

    /// <summary>Gets the declared (named) fields of a map node.</summary>
    public IReadOnlyDictionary<string, SchemaNode> Properties { get; init; } = NoProperties;

    /// <summary>Gets the node of map fields that are not declared; null means deduced.</summary>
    public SchemaNode? Element { get; init; }

    /// <summary>Gets the node of list items; null means deduced.</summary>
    public SchemaNode? Items { get; init; }

    /// <summary>Gets the list type of a list node.</summary>
    public ListKind ListKind { get; init; }

    /// <summary>Gets the key fields of an associative list node.</summary>
    public IReadOnlyList<string> Keys { get; init; } = [];

    /// <summary>Creates a granular map node.</summary>
    public static SchemaNode Map(IDictionary<string, SchemaNode> properties, SchemaNode? element) =>
        new() { Kind = SchemaKind.Map, Properties = new ReadOnlyDictionary<string, SchemaNode>(properties), Element = element };

    /// <summary>Creates a set list node.</summary>
    public static SchemaNode SetList(SchemaNode? items) => new() { Kind = SchemaKind.List, ListKind = ListKind.Set, Items = items };

    /// <summary>Creates an associative list node keyed by the given fields.</summary>
    public static SchemaNode AssociativeList(SchemaNode? items, IReadOnlyList<string> keys) =>
        keys.Count == 0 ? SetList(items) : new() { Kind = SchemaKind.List, ListKind = ListKind.Map, Items = items, Keys = keys };

    private static SchemaNode CreateObjectMeta()
    {
        var stringMap = Map(new Dictionary<string, SchemaNode>(), Leaf);
        var ownerReference = Map(
            new Dictionary<string, SchemaNode>
            {
                ["apiVersion"] = Leaf,
                ["kind"] = Leaf,
                ["name"] = Leaf,
                ["uid"] = Leaf,
                ["controller"] = Leaf,
                ["blockOwnerDeletion"] = Leaf,
            },
            null);
        var properties = new Dictionary<string, SchemaNode>
        {
            ["generateName"] = Leaf,
            ["labels"] = stringMap,
            ["annotations"] = stringMap,
            ["ownerReferences"] = AssociativeList(ownerReference, ["uid"]),
            ["finalizers"] = SetList(Leaf),
        };
        foreach (var name in new[]
        {
            "name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp",
            "deletionTimestamp", "deletionGracePeriodSeconds", "managedFields", "selfLink",
        })
        {
            properties[name] = Untracked;
        }

        return Map(properties, null);
    }
}
