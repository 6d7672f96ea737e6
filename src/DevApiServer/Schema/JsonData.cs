using System.Text.Json;
using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Json;

namespace KubeBind.DevApiServer.Schema;

/// <summary>Reads JSON values with the semantics of Go's decoded interface{} values.</summary>
internal static class JsonData
{
    /// <summary>Classifies a value the way Go's unstructured decoding types it: int64 for integral literals, float64 otherwise.</summary>
    public static JsonDatum Read(JsonNode? node) => node switch
    {
        JsonObject => new JsonDatum(JsonDataKind.Object, node, 0, 0, null, false),
        JsonArray => new JsonDatum(JsonDataKind.Array, node, 0, 0, null, false),
        JsonValue value => ReadValue(value),
        _ => new JsonDatum(JsonDataKind.Null, null, 0, 0, null, false),
    };

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

    // Values built in code (not parsed) are classified by their wire form, as the server would see them.
    private static JsonDatum ReadValue(JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String when JsonScalar.TryGetString(value, out var text):
                return new JsonDatum(JsonDataKind.String, value, 0, 0, text, false);
            case JsonValueKind.True:
                return new JsonDatum(JsonDataKind.Boolean, value, 0, 0, null, true);
            case JsonValueKind.False:
                return new JsonDatum(JsonDataKind.Boolean, value, 0, 0, null, false);
            case JsonValueKind.Number:
                // Out of float64 range Go would refuse to decode the number; it stays an infinite float64 here instead of throwing.
                return !JsonNumber.TryRead(value, out var number) ? new JsonDatum(JsonDataKind.Number, value, 0, double.NaN, null, false)
                    : number.IsInteger ? new JsonDatum(JsonDataKind.Integer, value, number.Integer, 0, null, false)
                    : new JsonDatum(JsonDataKind.Number, value, 0, number.Float, null, false);
            case JsonValueKind.Object:
                return new JsonDatum(JsonDataKind.Object, value, 0, 0, null, false);
            case JsonValueKind.Array:
                return new JsonDatum(JsonDataKind.Array, value, 0, 0, null, false);
            default:
                return new JsonDatum(JsonDataKind.Null, null, 0, 0, null, false);
        }
    }
}
