using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeBind.DevApiServer.Apply;

/// <summary>Reads a CRD openAPIV3Schema into <see cref="SchemaNode"/>s, the way apiextensions-apiserver feeds SMD.</summary>
internal static class OpenApiSchemaReader
{
    private const int MaxDepth = 100;

    /// <summary>Reads the root schema; anything unreadable becomes deduced rather than failing.</summary>
    public static SchemaNode Read(JsonNode schema) => Read(schema, 0);

    private static SchemaNode Read(JsonNode? schema, int depth)
    {
        if (depth > MaxDepth || schema is not JsonObject node)
        {
            return SchemaNode.Deduced;
        }

        if (IsTrue(node["x-kubernetes-int-or-string"]))
        {
            return SchemaNode.Leaf;
        }

        return TypeOf(node) switch
        {
            "object" => ReadObject(node, depth),
            "array" => ReadArray(node, depth),
            "string" or "integer" or "number" or "boolean" => SchemaNode.Leaf,

            // No type (only legal with x-kubernetes-preserve-unknown-fields): whatever comes is deduced.
            _ => SchemaNode.Deduced,
        };
    }

    private static SchemaNode ReadObject(JsonObject node, int depth)
    {
        if (StringOf(node["x-kubernetes-map-type"]) == "atomic")
        {
            return SchemaNode.Leaf;
        }

        var properties = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
        if (node["properties"] is JsonObject declared)
        {
            foreach (var (name, child) in declared)
            {
                properties[name] = Read(child, depth + 1);
            }
        }

        // Undeclared fields are pruned by the server unless preserved; either way SMD sees them deduced.
        var element = node["additionalProperties"] switch
        {
            JsonObject additional => Read(additional, depth + 1),
            _ => null,
        };
        return SchemaNode.Map(properties, element);
    }

    private static SchemaNode ReadArray(JsonObject node, int depth)
    {
        var items = node["items"] is JsonObject itemSchema ? Read(itemSchema, depth + 1) : null;
        switch (StringOf(node["x-kubernetes-list-type"]))
        {
            case "set":
                return SchemaNode.SetList(items);
            case "map":
                var keys = node["x-kubernetes-list-map-keys"] is JsonArray keyArray
                    ? keyArray.Select(StringOf).Where(k => !string.IsNullOrEmpty(k)).Select(k => k!).ToList()
                    : [];
                return SchemaNode.AssociativeList(items, keys);
            default:
                // A CRD list without x-kubernetes-list-type is atomic.
                return SchemaNode.Leaf;
        }
    }

    private static string? TypeOf(JsonObject node)
    {
        var type = StringOf(node["type"]);
        if (type is not null)
        {
            return type;
        }

        if (node.ContainsKey("properties") || node.ContainsKey("additionalProperties"))
        {
            return "object";
        }

        return node.ContainsKey("items") ? "array" : null;
    }

    private static string? StringOf(JsonNode? value) =>
        value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String ? scalar.GetValue<string>() : null;

    private static bool IsTrue(JsonNode? value) => value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.True;
}
