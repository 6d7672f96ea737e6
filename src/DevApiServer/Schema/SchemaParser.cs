using System.Text.Json.Nodes;

namespace KubeBind.DevApiServer.Schema;

/// <summary>Builds <see cref="StructuralSchema"/> trees from openAPIV3Schema JSON.</summary>
internal static class SchemaParser
{
    /// <summary>Deeper schemas are refused; real CRDs stay far below this.</summary>
    public const int MaxSchemaDepth = 200;

    public static StructuralSchema Parse(JsonNode? node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return ParseNode(node, "openAPIV3Schema", 0);
    }

    private static StructuralSchema ParseNode(JsonNode? node, string path, int depth)
    {
        if (depth > MaxSchemaDepth)
        {
            throw new SchemaFormatException($"{path}: schema is nested deeper than {MaxSchemaDepth} levels");
        }

        if (node is not JsonObject obj)
        {
            throw new SchemaFormatException($"{path}: must be a JSON object");
        }

        var type = ReadString(obj, "type", path) ?? string.Empty;
        var intOrString = ReadBool(obj, "x-kubernetes-int-or-string", path);
        string[] types = intOrString ? ["integer", "string"] : type.Length > 0 ? [type] : [];

        var properties = new Dictionary<string, StructuralSchema>(StringComparer.Ordinal);
        var ordered = new List<KeyValuePair<string, StructuralSchema>>();
        if (ReadObject(obj, "properties", path) is { } props)
        {
            foreach (var (name, value) in props)
            {
                var child = ParseNode(value, $"{path}.properties[{name}]", depth + 1);
                properties[name] = child;
                ordered.Add(new(name, child));
            }
        }

        StructuralSchema? additional = null;
        var hasAdditional = false;
        var additionalAllowed = true;
        if (obj.TryGetPropertyValue("additionalProperties", out var ap) && ap is not null)
        {
            hasAdditional = true;
            switch (JsonData.Read(ap).Kind)
            {
                case JsonDataKind.Boolean:
                    additionalAllowed = JsonData.Read(ap).Boolean;
                    break;
                case JsonDataKind.Object:
                    additional = ParseNode(ap, path + ".additionalProperties", depth + 1);
                    break;
                default:
                    throw new SchemaFormatException($"{path}.additionalProperties: must be a boolean or a schema object");
            }
        }

        StructuralSchema? items = null;
        if (obj.TryGetPropertyValue("items", out var itemsNode) && itemsNode is not null)
        {
            items = itemsNode is JsonObject
                ? ParseNode(itemsNode, path + ".items", depth + 1)
                : throw new SchemaFormatException($"{path}.items: must be a schema object");
        }

        var format = ReadString(obj, "format", path) ?? string.Empty;
        var pattern = ReadString(obj, "pattern", path);
        System.Text.RegularExpressions.Regex? regex = null;
        string? patternError = null;
        if (pattern is not null)
        {
            regex = GoRegex.TryCompile(pattern, out patternError);
        }

        var schema = new StructuralSchema
        {
            Type = type,
            Types = types,
            TypeNames = string.Join(",", types),
            Properties = properties,
            OrderedProperties = ordered,
            AdditionalProperties = additional,
            HasAdditionalProperties = hasAdditional,
            AdditionalPropertiesAllowed = additionalAllowed,
            Items = items,
            Required = ReadStringList(obj, "required", path),
            Enum = ReadEnum(obj, path),
            Nullable = ReadBool(obj, "nullable", path),
            Format = format,
            SupportedFormat = format.Length > 0 ? StringFormats.Normalize(format) : null,
            PreserveUnknownFields = ReadBool(obj, "x-kubernetes-preserve-unknown-fields", path),
            IntOrString = intOrString,
            EmbeddedResource = ReadBool(obj, "x-kubernetes-embedded-resource", path),
            ListType = ReadString(obj, "x-kubernetes-list-type", path),
            ListMapKeys = ReadStringList(obj, "x-kubernetes-list-map-keys", path),
            MapType = ReadString(obj, "x-kubernetes-map-type", path),
            MaxLength = ReadInteger(obj, "maxLength", path),
            MinLength = ReadInteger(obj, "minLength", path),
            MaxItems = ReadInteger(obj, "maxItems", path),
            MinItems = ReadInteger(obj, "minItems", path),
            MaxProperties = ReadInteger(obj, "maxProperties", path),
            MinProperties = ReadInteger(obj, "minProperties", path),
            Maximum = ReadNumber(obj, "maximum", path),
            ExclusiveMaximum = ReadBool(obj, "exclusiveMaximum", path),
            Minimum = ReadNumber(obj, "minimum", path),
            ExclusiveMinimum = ReadBool(obj, "exclusiveMinimum", path),
            MultipleOf = ReadNumber(obj, "multipleOf", path),
            Pattern = pattern,
            PatternRegex = regex,
            PatternError = patternError,
            AllOf = ReadSchemaList(obj, "allOf", path, depth),
            AnyOf = ReadSchemaList(obj, "anyOf", path, depth),
            OneOf = ReadSchemaList(obj, "oneOf", path, depth),
            Not = obj.TryGetPropertyValue("not", out var not) && not is not null ? ParseNode(not, path + ".not", depth + 1) : null,
        };

        JsonNode? rawDefault = null;
        JsonNode? prunedDefault = null;
        if (obj.TryGetPropertyValue("default", out var defaultNode) && defaultNode is not null)
        {
            // kube-apiserver prunes defaults when it builds the schema, so a default never brings unknown fields.
            rawDefault = defaultNode.DeepClone();
            prunedDefault = SchemaPruner.PruneDefault(defaultNode.DeepClone(), schema);
        }

        schema.Seal(rawDefault, prunedDefault);
        return schema;
    }

    private static string? ReadString(JsonObject obj, string name, string path)
    {
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        var datum = JsonData.Read(node);
        return datum.Kind == JsonDataKind.String
            ? datum.Text
            : throw new SchemaFormatException($"{path}.{name}: must be a string");
    }

    private static bool ReadBool(JsonObject obj, string name, string path)
    {
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            return false;
        }

        var datum = JsonData.Read(node);
        return datum.Kind == JsonDataKind.Boolean
            ? datum.Boolean
            : throw new SchemaFormatException($"{path}.{name}: must be a boolean");
    }

    private static long? ReadInteger(JsonObject obj, string name, string path)
    {
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        var datum = JsonData.Read(node);
        return datum.Kind == JsonDataKind.Integer
            ? datum.Integer
            : throw new SchemaFormatException($"{path}.{name}: must be an integer");
    }

    private static double? ReadNumber(JsonObject obj, string name, string path)
    {
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        var datum = JsonData.Read(node);
        return datum.IsNumeric
            ? datum.AsDouble
            : throw new SchemaFormatException($"{path}.{name}: must be a number");
    }

    private static JsonObject? ReadObject(JsonObject obj, string name, string path)
    {
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        return node as JsonObject ?? throw new SchemaFormatException($"{path}.{name}: must be an object");
    }

    private static string[] ReadStringList(JsonObject obj, string name, string path)
    {
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            return [];
        }

        if (node is not JsonArray array)
        {
            throw new SchemaFormatException($"{path}.{name}: must be a list of strings");
        }

        var result = new string[array.Count];
        for (var i = 0; i < array.Count; i++)
        {
            var datum = JsonData.Read(array[i]);
            result[i] = datum.Kind == JsonDataKind.String
                ? datum.Text!
                : throw new SchemaFormatException($"{path}.{name}[{i}]: must be a string");
        }

        return result;
    }

    private static JsonNode?[]? ReadEnum(JsonObject obj, string path)
    {
        if (!obj.TryGetPropertyValue("enum", out var node) || node is null)
        {
            return null;
        }

        if (node is not JsonArray array)
        {
            throw new SchemaFormatException($"{path}.enum: must be a list");
        }

        return array.Select(value => value?.DeepClone()).ToArray();
    }

    private static StructuralSchema[] ReadSchemaList(JsonObject obj, string name, string path, int depth)
    {
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            return [];
        }

        if (node is not JsonArray array)
        {
            throw new SchemaFormatException($"{path}.{name}: must be a list of schema objects");
        }

        var result = new StructuralSchema[array.Count];
        for (var i = 0; i < array.Count; i++)
        {
            result[i] = ParseNode(array[i], $"{path}.{name}[{i}]", depth + 1);
        }

        return result;
    }
}
