using System.Text.Json.Nodes;

namespace KubeBind.DevApiServer.Schema;

/// <summary>Structural defaulting: fills missing (and non-nullable null) fields with deep copies of their defaults, top-down.</summary>
internal static class SchemaDefaulter
{
    /// <summary>Defaults a whole custom resource; apiVersion, kind and metadata at the root are left alone.</summary>
    public static void DefaultResource(JsonObject resource, StructuralSchema schema) => Default(resource, schema, 0, isRoot: true);

    private static void Default(JsonNode? node, StructuralSchema? schema, int depth, bool isRoot)
    {
        if (schema is null || depth > SchemaProcessor.MaxDepth)
        {
            return;
        }

        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, property) in schema.DefaultedProperties)
                {
                    if (isRoot && FieldPath.IsMetaField(name))
                    {
                        continue;
                    }

                    if (!obj.TryGetPropertyValue(name, out var current) || (current is null && !property.Nullable))
                    {
                        obj[name] = property.Default!.DeepClone();
                    }
                }

                foreach (var key in JsonData.Keys(obj))
                {
                    if (isRoot && FieldPath.IsMetaField(key))
                    {
                        continue;
                    }

                    if (schema.Properties.TryGetValue(key, out var property))
                    {
                        Default(obj[key], property, depth + 1, isRoot: false);
                    }
                    else if (schema.AdditionalProperties is { } additional)
                    {
                        if (obj[key] is null && !additional.Nullable && additional.HasDefault)
                        {
                            obj[key] = additional.Default!.DeepClone();
                        }

                        Default(obj[key], additional, depth + 1, isRoot: false);
                    }
                }

                break;
            case JsonArray array when schema.Items is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is null && !items.Nullable && items.HasDefault)
                    {
                        array[i] = items.Default!.DeepClone();
                    }

                    Default(array[i], items, depth + 1, isRoot: false);
                }

                break;
        }
    }
}
