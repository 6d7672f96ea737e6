using System.Text.Json.Nodes;

namespace KubeBind.DevApiServer.Apply;

/// <summary>How server-side apply sees a type: built from a CRD's openAPIV3Schema, or deduced for schemaless data.</summary>
/// <remarks>
/// The root's <c>metadata</c> always follows ObjectMeta semantics and <c>apiVersion</c>/<c>kind</c> are never
/// tracked, whatever the schema says, as in kube-apiserver. Instances are immutable; the <c>With*</c> methods
/// return a new schema.
/// </remarks>
internal sealed class ApplySchema
{
    /// <summary>Joins path segments internally, so a field name holding a dot cannot match an override by accident.</summary>
    internal const char PathSeparator = '\0';

    private readonly SchemaNode _root;
    private readonly Dictionary<string, SchemaOverride> _overrides;

    private ApplySchema(SchemaNode root, Dictionary<string, SchemaOverride> overrides)
    {
        _root = root;
        _overrides = overrides;
    }

    /// <summary>Gets the schema of schemaless data: maps granular, lists atomic, scalars leaves (SMD's deduced type).</summary>
    public static ApplySchema Deduced { get; } = new(SchemaNode.Deduced, []);

    /// <summary>Gets the cursor at the object root.</summary>
    internal SchemaCursor Root => new(this, _root, string.Empty, isRoot: true);

    /// <summary>Gets a value indicating whether any path override is set, so cursors track their path.</summary>
    internal bool HasOverrides => _overrides.Count > 0;

    /// <summary>Builds a schema from a CRD version's openAPIV3Schema (structural schema with x-kubernetes-* extensions).</summary>
    public static ApplySchema FromOpenApiV3(JsonNode openApiV3Schema)
    {
        ArgumentNullException.ThrowIfNull(openApiV3Schema);
        return new ApplySchema(OpenApiSchemaReader.Read(openApiV3Schema), []);
    }

    /// <summary>Makes the list at a dotted field path (list items are crossed implicitly) associative, keyed by the given fields.</summary>
    public ApplySchema WithAssociativeList(string path, params string[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Length == 0 || keys.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("An associative list needs at least one non-empty key field.", nameof(keys));
        }

        return With(path, new SchemaOverride(SchemaKind.List, ListKind.Map, [.. keys]));
    }

    /// <summary>Makes the list at a dotted field path a set of scalars.</summary>
    public ApplySchema WithSetList(string path) => With(path, new SchemaOverride(SchemaKind.List, ListKind.Set, []));

    /// <summary>Makes the value at a dotted field path atomic: owned and replaced as a whole.</summary>
    public ApplySchema WithAtomic(string path) => With(path, new SchemaOverride(SchemaKind.Leaf, ListKind.Set, []));

    /// <summary>Returns the node at a path after the caller's override for that path, if any.</summary>
    internal SchemaNode ApplyOverride(string path, SchemaNode node) =>
        node.Kind != SchemaKind.Untracked && _overrides.TryGetValue(path, out var schemaOverride) ? schemaOverride.ApplyTo(node) : node;

    private ApplySchema With(string path, SchemaOverride schemaOverride)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var segments = path.Split('.');
        if (segments.Any(s => s.Length == 0))
        {
            throw new ArgumentException($"Path '{path}' has an empty segment.", nameof(path));
        }

        var copy = new Dictionary<string, SchemaOverride>(_overrides, StringComparer.Ordinal)
        {
            [string.Join(PathSeparator, segments)] = schemaOverride,
        };
        return new ApplySchema(_root, copy);
    }
}
