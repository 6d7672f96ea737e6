using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeBind.DevApiServer.Json;

/// <summary>Reads JSON nulls and strings alike whether a node was parsed or built from a CLR value.</summary>
internal static class JsonScalar
{
    /// <summary>Whether the node is JSON null (a C# null or a value of kind Null).</summary>
    public static bool IsNull([NotNullWhen(false)] JsonNode? node) =>
        node is null || (node is JsonValue && node.GetValueKind() == JsonValueKind.Null);

    /// <summary>Whether the node is a JSON string, and its text.</summary>
    public static bool TryGetString(JsonNode? node, [NotNullWhen(true)] out string? text)
    {
        text = null;
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return false;
        }

        if (value.TryGetValue(out text))
        {
            return true;
        }

        // Values created from CLR types such as Guid or char are strings on the wire but not string-typed here.
        using var document = JsonDocument.Parse(value.ToJsonString());
        text = document.RootElement.GetString();
        return text is not null;
    }
}
