using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeBind.DevApiServer.Schema;

/// <summary>Reads and compares JSON values with the semantics of Go's decoded interface{} values.</summary>
internal static class JsonData
{
    private const int MaxCompareDepth = 200;

    public static JsonDatum Read(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return new JsonDatum(JsonDataKind.Null, null, 0, 0, null, false);
            case JsonObject:
                return new JsonDatum(JsonDataKind.Object, node, 0, 0, null, false);
            case JsonArray:
                return new JsonDatum(JsonDataKind.Array, node, 0, 0, null, false);
            case JsonValue value:
                if (value.TryGetValue(out JsonElement element))
                {
                    return ReadElement(node, element);
                }

                return ReadPrimitive(value);

            default:
                return new JsonDatum(JsonDataKind.Null, null, 0, 0, null, false);
        }
    }

    // Values built in code (not parsed) are classified by their wire form, as the server would see them.
    private static JsonDatum ReadPrimitive(JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String when value.TryGetValue(out string? text):
                return new JsonDatum(JsonDataKind.String, value, 0, 0, text, false);
            case JsonValueKind.True:
                return new JsonDatum(JsonDataKind.Boolean, value, 0, 0, null, true);
            case JsonValueKind.False:
                return new JsonDatum(JsonDataKind.Boolean, value, 0, 0, null, false);
            case JsonValueKind.Number when value.TryGetValue(out long integer):
                return new JsonDatum(JsonDataKind.Integer, value, integer, 0, null, false);
            case JsonValueKind.Number when value.TryGetValue(out int small):
                return new JsonDatum(JsonDataKind.Integer, value, small, 0, null, false);
            case JsonValueKind.Number:
                {
                    var text = value.ToJsonString();
                    if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsedInteger))
                    {
                        return new JsonDatum(JsonDataKind.Integer, value, parsedInteger, 0, null, false);
                    }

                    var number = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : double.NaN;
                    return new JsonDatum(JsonDataKind.Number, value, 0, number, null, false);
                }

            default:
                using (var document = JsonDocument.Parse(value.ToJsonString()))
                {
                    return ReadElement(value, document.RootElement);
                }
        }
    }

    private static JsonDatum ReadElement(JsonNode node, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return new JsonDatum(JsonDataKind.String, node, 0, 0, element.GetString(), false);
            case JsonValueKind.True:
                return new JsonDatum(JsonDataKind.Boolean, node, 0, 0, null, true);
            case JsonValueKind.False:
                return new JsonDatum(JsonDataKind.Boolean, node, 0, 0, null, false);
            case JsonValueKind.Number:
                if (element.TryGetInt64(out var integer))
                {
                    return new JsonDatum(JsonDataKind.Integer, node, integer, 0, null, false);
                }

                if (!element.TryGetDouble(out var number))
                {
                    // Out of float64 range: Go would refuse to decode it; keep it as an infinite number instead of throwing.
                    number = double.TryParse(element.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                        ? parsed
                        : double.NaN;
                }

                return new JsonDatum(JsonDataKind.Number, node, 0, number, null, false);
            case JsonValueKind.Object:
                return new JsonDatum(JsonDataKind.Object, node, 0, 0, null, false);
            case JsonValueKind.Array:
                return new JsonDatum(JsonDataKind.Array, node, 0, 0, null, false);
            default:
                return new JsonDatum(JsonDataKind.Null, null, 0, 0, null, false);
        }
    }

    /// <summary>reflect.DeepEqual on decoded values: int64 and float64 never compare equal.</summary>
    public static bool DeepEqual(JsonNode? a, JsonNode? b) => DeepEqual(a, b, 0);

    private static bool DeepEqual(JsonNode? a, JsonNode? b, int depth)
    {
        if (depth > MaxCompareDepth)
        {
            return ReferenceEquals(a, b);
        }

        var x = Read(a);
        var y = Read(b);
        if (x.Kind != y.Kind)
        {
            return false;
        }

        switch (x.Kind)
        {
            case JsonDataKind.Null:
                return true;
            case JsonDataKind.String:
                return string.Equals(x.Text, y.Text, StringComparison.Ordinal);
            case JsonDataKind.Boolean:
                return x.Boolean == y.Boolean;
            case JsonDataKind.Integer:
                return x.Integer == y.Integer;
            case JsonDataKind.Number:
                return x.Number.Equals(y.Number) && !double.IsNaN(x.Number);
            case JsonDataKind.Array:
                {
                    if (a is not JsonArray left || b is not JsonArray right || left.Count != right.Count)
                    {
                        return false;
                    }

                    for (var i = 0; i < left.Count; i++)
                    {
                        if (!DeepEqual(left[i], right[i], depth + 1))
                        {
                            return false;
                        }
                    }

                    return true;
                }

            default:
                {
                    if (a is not JsonObject left || b is not JsonObject right || left.Count != right.Count)
                    {
                        return false;
                    }

                    foreach (var (key, value) in left)
                    {
                        if (!right.TryGetPropertyValue(key, out var other) || !DeepEqual(value, other, depth + 1))
                        {
                            return false;
                        }
                    }

                    return true;
                }
        }
    }

    /// <summary>Snapshot of an object's keys, so the object can be changed while walking them.</summary>
    public static string[] Keys(JsonObject obj)
    {
        var keys = new string[obj.Count];
        var i = 0;
        foreach (var pair in obj)
        {
            keys[i++] = pair.Key;
        }

        return keys;
    }
}
