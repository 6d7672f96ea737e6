using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Json;

namespace KubeBind.DevApiServer.Schema;

/// <summary>Prints values into validation messages the way kube-apiserver does, byte for byte, over the Go primitives of <see cref="GoText"/>.</summary>
internal static class GoFormat
{
    private const int MaxRenderDepth = 64;

    /// <summary>How field.Error.ErrorBody prints a bad value: %q for strings, %v for scalars, %#v for the rest.</summary>
    public static string BadValue(JsonNode? node)
    {
        var datum = JsonData.Read(node);
        return datum.Kind switch
        {
            JsonDataKind.Null => GoText.Quote("null"),
            JsonDataKind.String => GoText.Quote(datum.Text ?? string.Empty),
            JsonDataKind.Boolean => datum.Boolean ? "true" : "false",
            JsonDataKind.Integer => datum.Integer.ToString(CultureInfo.InvariantCulture),
            JsonDataKind.Number => GoText.Float(datum.Number),
            _ => GoSyntax(node),
        };
    }

    /// <summary>fmt's %#v for a decoded JSON value, e.g. <c>map[string]interface {}{"a":1}</c>.</summary>
    public static string GoSyntax(JsonNode? node)
    {
        var builder = new StringBuilder();
        AppendGoSyntax(builder, node, topLevel: true, depth: 0);
        return builder.ToString();
    }

    /// <summary>encoding/json's Marshal of a decoded value; values nested too deep to render become a token unique to the node.</summary>
    public static string Json(JsonNode? node) => GoText.Json(node, MaxRenderDepth);

    private static void AppendGoSyntax(StringBuilder builder, JsonNode? node, bool topLevel, int depth)
    {
        if (depth > MaxRenderDepth)
        {
            builder.Append("...");
            return;
        }

        var datum = JsonData.Read(node);
        switch (datum.Kind)
        {
            case JsonDataKind.Null:
                builder.Append(topLevel ? "<nil>" : "interface {}(nil)");
                break;
            case JsonDataKind.String:
                builder.Append(GoText.Quote(datum.Text ?? string.Empty));
                break;
            case JsonDataKind.Boolean:
                builder.Append(datum.Boolean ? "true" : "false");
                break;
            case JsonDataKind.Integer:
                builder.Append(datum.Integer.ToString(CultureInfo.InvariantCulture));
                break;
            case JsonDataKind.Number:
                builder.Append(GoText.Float(datum.Number));
                break;
            case JsonDataKind.Array:
                builder.Append("[]interface {}{");
                if (node is JsonArray array)
                {
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (i > 0)
                        {
                            builder.Append(", ");
                        }

                        AppendGoSyntax(builder, array[i], topLevel: false, depth + 1);
                    }
                }

                builder.Append('}');
                break;
            default:
                builder.Append("map[string]interface {}{");
                if (node is JsonObject obj)
                {
                    var first = true;
                    foreach (var key in GoText.SortedKeys(obj))
                    {
                        if (!first)
                        {
                            builder.Append(", ");
                        }

                        first = false;
                        builder.Append(GoText.Quote(key)).Append(':');
                        AppendGoSyntax(builder, obj[key], topLevel: false, depth + 1);
                    }
                }

                builder.Append('}');
                break;
        }
    }
}
