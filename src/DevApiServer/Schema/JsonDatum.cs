using System.Text.Json.Nodes;

namespace KubeBind.DevApiServer.Schema;

/// <summary>A JSON value classified like Go's unstructured decoding: int64 for integral literals, float64 otherwise.</summary>
internal readonly record struct JsonDatum(JsonDataKind Kind, JsonNode? Node, long Integer, double Number, string? Text, bool Boolean)
{
    /// <summary>The JSON schema type name kube-openapi infers for the value.</summary>
    public string TypeName => Kind switch
    {
        JsonDataKind.Null => "null",
        JsonDataKind.Object => "object",
        JsonDataKind.Array => "array",
        JsonDataKind.String => "string",
        JsonDataKind.Boolean => "boolean",
        JsonDataKind.Integer => "integer",
        _ => "number",
    };

    /// <summary>The format kube-openapi infers for the value ("int64" for integers, "float64" for numbers).</summary>
    public string FormatName => Kind switch
    {
        JsonDataKind.Integer => "int64",
        JsonDataKind.Number => "float64",
        _ => string.Empty,
    };

    public bool IsNumeric => Kind is JsonDataKind.Integer or JsonDataKind.Number;

    /// <summary>The value as float64, as Go's valueHelp.asFloat64 converts it.</summary>
    public double AsDouble => Kind == JsonDataKind.Integer ? Integer : Number;
}
