using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KubeBind.DevApiServer.Json;

namespace KubeBind.DevApiServer.Schema;

/// <summary>
/// The checks kube-apiserver runs after OpenAPI validation: apiVersion/kind of embedded resources
/// (schemaobjectmeta.Validate) and uniqueness in x-kubernetes-list-type set/map lists (ValidateListSetsAndMaps).
/// </summary>
internal static partial class StructuralInvariantValidator
{
    private const string Dns1035Message =
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

    private const string UnspecifiedKey = "u";

    /// <summary>Appends embedded-resource errors, then list-type errors, each group in document order.</summary>
    public static void Validate(JsonObject resource, StructuralSchema schema, List<SchemaFieldError> errors)
    {
        var embedded = new List<SchemaFieldError>();
        var lists = new List<SchemaFieldError>();
        Walk(resource, schema, string.Empty, isRoot: true, 0, embedded, lists);
        errors.AddRange(embedded);
        errors.AddRange(lists);
    }

    /// <summary>Only the list-type checks, for values that are not whole resources (defaults).</summary>
    public static void ValidateLists(JsonNode? value, StructuralSchema schema, string path, List<SchemaFieldError> errors) =>
        Walk(value, schema, path, isRoot: true, 0, [], errors);

    private static void Walk(JsonNode? node, StructuralSchema? schema, string path, bool isRoot, int depth, List<SchemaFieldError> embedded, List<SchemaFieldError> lists)
    {
        if (schema is null || depth > SchemaProcessor.MaxDepth)
        {
            return;
        }

        switch (node)
        {
            case JsonObject obj:
                if (schema.EmbeddedResource && !isRoot)
                {
                    ValidateEmbeddedResource(obj, path, embedded);
                }

                foreach (var (key, value) in obj)
                {
                    if (isRoot && key == "metadata")
                    {
                        continue;
                    }

                    if (schema.Properties.TryGetValue(key, out var property))
                    {
                        Walk(value, property, FieldPath.Child(path, key), isRoot: false, depth + 1, embedded, lists);
                    }
                    else if (schema.AdditionalProperties is { } additional)
                    {
                        Walk(value, additional, FieldPath.Key(path, key), isRoot: false, depth + 1, embedded, lists);
                    }
                }

                break;
            case JsonArray array:
                if (schema.ListType == "set")
                {
                    foreach (var i in NonUniqueIndices(array.Select(item => SetKey(JsonData.Read(item))).ToList()))
                    {
                        lists.Add(SchemaFieldError.Duplicate(FieldPath.Index(path, i), GoFormat.BadValue(array[i])));
                    }
                }
                else if (schema.ListType == "map")
                {
                    ValidateListMap(array, schema, path, lists);
                }

                if (schema.Items is { } items)
                {
                    for (var i = 0; i < array.Count; i++)
                    {
                        Walk(array[i], items, FieldPath.Index(path, i), isRoot: false, depth + 1, embedded, lists);
                    }
                }

                break;
        }
    }

    private static void ValidateListMap(JsonArray array, StructuralSchema schema, string path, List<SchemaFieldError> errors)
    {
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not null and not JsonObject)
            {
                errors.Add(SchemaFieldError.Invalid(FieldPath.Index(path, i), GoFormat.BadValue(array[i]), "must be an object for an array of list-type map"));
                return;
            }
        }

        if (array.Count <= 1 || schema.ListMapKeys.Count == 0)
        {
            return;
        }

        // The key of an item is the map of its key fields; a missing single key counts as "unspecified".
        var keyObjects = new List<JsonObject>(array.Count);
        var keys = new List<string>(array.Count);
        foreach (var item in array)
        {
            var keyObject = new JsonObject();
            if (item is JsonObject obj)
            {
                foreach (var field in schema.ListMapKeys)
                {
                    if (obj.TryGetPropertyValue(field, out var value))
                    {
                        keyObject[field] = value?.DeepClone();
                    }
                }
            }

            keyObjects.Add(keyObject);
            if (schema.ListMapKeys.Count == 1)
            {
                keys.Add(keyObject.TryGetPropertyValue(schema.ListMapKeys[0], out var single) ? SetKey(JsonData.Read(single)) : UnspecifiedKey);
            }
            else
            {
                keys.Add("c:" + GoFormat.Json(keyObject));
            }
        }

        foreach (var i in NonUniqueIndices(keys))
        {
            errors.Add(SchemaFieldError.Duplicate(FieldPath.Index(path, i), GoFormat.GoSyntax(keyObjects[i])));
        }
    }

    // validateListSet: reports the second occurrence of every repeated value (not the third and later ones).
    private static List<int> NonUniqueIndices(List<string> keys)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<int>();
        for (var i = 0; i < keys.Count; i++)
        {
            seen.TryGetValue(keys[i], out var times);
            seen[keys[i]] = times + 1;
            if (times == 1)
            {
                result.Add(i);
            }
        }

        return result;
    }

    // Go compares scalars by dynamic type and value (int64 1 differs from float64 1) and compounds by their JSON.
    private static string SetKey(JsonDatum datum) => datum.Kind switch
    {
        JsonDataKind.Null => "n",
        JsonDataKind.String => "s:" + datum.Text,
        JsonDataKind.Boolean => datum.Boolean ? "b:true" : "b:false",
        JsonDataKind.Integer => "i:" + datum.Integer.ToString(System.Globalization.CultureInfo.InvariantCulture),
        JsonDataKind.Number => "f:" + BitConverter.DoubleToInt64Bits(datum.Number == 0 ? 0 : datum.Number).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "c:" + GoFormat.Json(datum.Node),
    };

    private static void ValidateEmbeddedResource(JsonObject obj, string path, List<SchemaFieldError> errors)
    {
        if (!obj.ContainsKey("apiVersion"))
        {
            errors.Add(SchemaFieldError.Required(FieldPath.Child(path, "apiVersion"), "must not be empty"));
        }

        if (!obj.ContainsKey("kind"))
        {
            errors.Add(SchemaFieldError.Required(FieldPath.Child(path, "kind"), "must not be empty"));
        }

        foreach (var (key, value) in obj)
        {
            if (key is not ("apiVersion" or "kind"))
            {
                continue;
            }

            var field = FieldPath.Child(path, key);
            var datum = JsonData.Read(value);
            if (datum.Kind != JsonDataKind.String)
            {
                errors.Add(SchemaFieldError.Invalid(field, GoFormat.BadValue(value), "must be a string"));
            }
            else if (datum.Text!.Length == 0)
            {
                errors.Add(SchemaFieldError.Invalid(field, GoText.Quote(string.Empty), "must not be empty"));
            }
            else if (key == "apiVersion" && datum.Text.Count(c => c == '/') > 1)
            {
                errors.Add(SchemaFieldError.Invalid(field, GoText.Quote(datum.Text), $"unexpected GroupVersion string: {datum.Text}"));
            }
            else if (key == "kind" && Dns1035Errors(datum.Text.ToLowerInvariant()) is { Count: > 0 } problems)
            {
                errors.Add(SchemaFieldError.Invalid(field, GoText.Quote(datum.Text), "may have mixed case, but should otherwise match: " + string.Join(",", problems)));
            }
        }
    }

    private static List<string> Dns1035Errors(string value)
    {
        var problems = new List<string>();
        if (value.Length > 63)
        {
            problems.Add("must be no more than 63 characters");
        }

        if (!Dns1035Regex().IsMatch(value))
        {
            problems.Add(Dns1035Message);
        }

        return problems;
    }

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1035Regex();
}
