using System.Text.Json.Nodes;

namespace KubeBind.DevApiServer.Schema;

/// <summary>
/// Structural pruning as kube-apiserver does it on decode, fused with its pruning of non-nullable nulls that have
/// no default (PruneNonNullableNullsWithoutDefaults), which runs right after it.
/// </summary>
internal sealed class SchemaPruner
{
    private readonly List<string>? _unknownFields;
    private readonly bool _pruneNulls;

    private SchemaPruner(List<string>? unknownFields, bool pruneNulls)
    {
        _unknownFields = unknownFields;
        _pruneNulls = pruneNulls;
    }

    /// <summary>Prunes a whole custom resource; its apiVersion, kind and metadata are never touched.</summary>
    public static void PruneResource(JsonObject resource, StructuralSchema schema, List<string> unknownFields) =>
        new SchemaPruner(unknownFields, pruneNulls: true).Prune(resource, schema, string.Empty, 0, embedded: true);

    /// <summary>Prunes a default value against its own node, as pruning.Prune(default, s, s.XEmbeddedResource).</summary>
    public static JsonNode PruneDefault(JsonNode value, StructuralSchema schema)
    {
        new SchemaPruner(null, pruneNulls: false).Prune(value, schema, string.Empty, 0, schema.EmbeddedResource);
        return value;
    }

    private bool Recording => _unknownFields is not null;

    private void Prune(JsonNode? node, StructuralSchema? schema, string path, int depth, bool embedded)
    {
        if (depth > SchemaProcessor.MaxDepth)
        {
            return;
        }

        if (schema is { PreserveUnknownFields: true })
        {
            SkipPrune(node, schema, path, depth, embedded);
            return;
        }

        switch (node)
        {
            case JsonObject obj when schema is null:
                foreach (var key in JsonData.Keys(obj))
                {
                    Record(path, key);
                }

                obj.Clear();
                break;
            case JsonObject obj:
                PruneProperties(obj, schema, path, depth, embedded, keepUnknown: false);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Prune(array[i], schema?.Items, Recording ? FieldPath.Index(path, i) : path, depth + 1, embedded: false);
                }

                break;
        }
    }

    // x-kubernetes-preserve-unknown-fields: unknown fields stay, declared ones are still pruned below.
    private void SkipPrune(JsonNode? node, StructuralSchema? schema, string path, int depth, bool embedded)
    {
        if (schema is null || depth > SchemaProcessor.MaxDepth)
        {
            return;
        }

        switch (node)
        {
            case JsonObject obj:
                PruneProperties(obj, schema, path, depth, embedded, keepUnknown: true);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    SkipPrune(array[i], schema.Items, Recording ? FieldPath.Index(path, i) : path, depth + 1, embedded: false);
                }

                break;
        }
    }

    // Declared properties are pruned below; unknown ones are dropped unless x-kubernetes-preserve-unknown-fields keeps them.
    private void PruneProperties(JsonObject obj, StructuralSchema schema, string path, int depth, bool embedded, bool keepUnknown)
    {
        var keepMeta = embedded || schema.EmbeddedResource;
        foreach (var key in JsonData.Keys(obj))
        {
            if (keepMeta && FieldPath.IsMetaField(key))
            {
                continue;
            }

            if (schema.Properties.TryGetValue(key, out var property))
            {
                PruneKnown(obj, key, property, path, depth);
            }
            else if (schema.HasAdditionalProperties)
            {
                PruneKnown(obj, key, schema.AdditionalProperties, path, depth);
            }
            else if (!keepUnknown)
            {
                Record(path, key);
                obj.Remove(key);
            }
        }
    }

    private void PruneKnown(JsonObject obj, string key, StructuralSchema? schema, string path, int depth)
    {
        var value = obj[key];
        if (_pruneNulls && value is null && schema is not null && !schema.Nullable && !schema.HasDefault)
        {
            // Nulls on non-nullable fields without a default are dropped silently; they are not unknown fields.
            obj.Remove(key);
            return;
        }

        Prune(value, schema, Recording ? FieldPath.Child(path, key) : path, depth + 1, embedded: false);
    }

    private void Record(string path, string key) => _unknownFields?.Add(FieldPath.Child(path, key));
}
