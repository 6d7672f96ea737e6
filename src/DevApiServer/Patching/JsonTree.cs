using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeBind.DevApiServer.Patching;

/// <summary>Depth-capped helpers over <see cref="JsonNode"/> trees shared by the three patch formats.</summary>
internal static class JsonTree
{
    /// <summary>Deepest nesting a patch may drive the recursion to before it is refused.</summary>
    public const int MaxDepth = 100;

    private const int DescribeLimit = 200;

    /// <summary>Throws <see cref="PatchApplicationException"/> once recursion has gone deeper than <see cref="MaxDepth"/>.</summary>
    public static void EnsureDepth(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new PatchApplicationException($"the patch is nested deeper than {MaxDepth} levels");
        }
    }

    /// <summary>Whether the node is JSON null (a C# null or a value of kind Null).</summary>
    public static bool IsNull([NotNullWhen(false)] JsonNode? node) =>
        node is null || (node is JsonValue && node.GetValueKind() == JsonValueKind.Null);

    /// <summary>Copies a node that belongs to the patch, refusing trees deeper than <see cref="MaxDepth"/>.</summary>
    public static JsonNode? Clone(JsonNode? node, int depth)
    {
        EnsureDepth(depth);
        switch (node)
        {
            case null:
                return null;
            case JsonObject source:
                var copy = new JsonObject();
                foreach (var (name, value) in source)
                {
                    copy[name] = Clone(value, depth + 1);
                }

                return copy;
            case JsonArray source:
                var list = new JsonArray();
                foreach (var item in source)
                {
                    list.Add(Clone(item, depth + 1));
                }

                return list;
            default:
                return node.DeepClone();
        }
    }

    /// <summary>Structural JSON equality: member order is ignored and numbers compare by value (1 equals 1.0).</summary>
    public static bool DeepEquals(JsonNode? left, JsonNode? right, int depth = 0)
    {
        EnsureDepth(depth);
        if (IsNull(left) || IsNull(right))
        {
            return IsNull(left) && IsNull(right);
        }

        switch (left, right)
        {
            case (JsonObject l, JsonObject r):
                if (l.Count != r.Count)
                {
                    return false;
                }

                foreach (var (name, value) in l)
                {
                    if (!r.TryGetPropertyValue(name, out var other) || !DeepEquals(value, other, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            case (JsonArray l, JsonArray r):
                if (l.Count != r.Count)
                {
                    return false;
                }

                for (var i = 0; i < l.Count; i++)
                {
                    if (!DeepEquals(l[i], r[i], depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            case (JsonValue l, JsonValue r):
                return ScalarEquals(l, r);
            default:
                return false;
        }
    }

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

    /// <summary>Short JSON rendering for error messages; safe for trees too deep for the JSON writer.</summary>
    public static string Describe(JsonNode? node)
    {
        var text = new StringBuilder();
        Render(node, text, 0);
        return text.Length <= DescribeLimit ? text.ToString() : string.Concat(text.ToString(0, DescribeLimit), "...");
    }

    /// <summary>Runs a patch, turning JSON the node model refuses late (duplicate member names) into a malformed patch.</summary>
    public static T Guard<T>(Func<T> apply)
    {
        try
        {
            return apply();
        }
        catch (ArgumentException ex)
        {
            // JsonObject builds its member table lazily and throws ArgumentException on a duplicate name.
            throw new MalformedPatchException($"invalid JSON document: {ex.Message}", ex);
        }
    }

    private static void Render(JsonNode? node, StringBuilder text, int depth)
    {
        const int renderedDepth = 8;
        switch (node)
        {
            case JsonObject when depth >= renderedDepth:
                text.Append("{...}");
                break;
            case JsonArray when depth >= renderedDepth:
                text.Append("[...]");
                break;
            case JsonObject map:
                text.Append('{');
                foreach (var (name, value) in map)
                {
                    if (text.Length > DescribeLimit)
                    {
                        break;
                    }

                    text.Append(text[^1] == '{' ? "\"" : ",\"").Append(JsonEncodedText.Encode(name).Value).Append("\":");
                    Render(value, text, depth + 1);
                }

                text.Append('}');
                break;
            case JsonArray list:
                text.Append('[');
                foreach (var item in list)
                {
                    if (text.Length > DescribeLimit)
                    {
                        break;
                    }

                    text.Append(text[^1] == '[' ? string.Empty : ",");
                    Render(item, text, depth + 1);
                }

                text.Append(']');
                break;
            default:
                text.Append(node?.ToJsonString() ?? "null");
                break;
        }
    }

    private static bool ScalarEquals(JsonValue left, JsonValue right)
    {
        var kind = left.GetValueKind();
        if (kind != right.GetValueKind())
        {
            return false;
        }

        return kind switch
        {
            JsonValueKind.True or JsonValueKind.False => true,
            JsonValueKind.String => TryGetString(left, out var l) && TryGetString(right, out var r)
                && string.Equals(l, r, StringComparison.Ordinal),
            JsonValueKind.Number => NumberEquals(left.ToJsonString(), right.ToJsonString()),
            _ => string.Equals(left.ToJsonString(), right.ToJsonString(), StringComparison.Ordinal),
        };
    }

    private static bool NumberEquals(string left, string right)
    {
        const NumberStyles style = NumberStyles.Float;
        var culture = CultureInfo.InvariantCulture;
        if (decimal.TryParse(left, style, culture, out var ld) && decimal.TryParse(right, style, culture, out var rd))
        {
            return ld == rd;
        }

        if (double.TryParse(left, style, culture, out var lf) && double.TryParse(right, style, culture, out var rf)
            && double.IsFinite(lf) && double.IsFinite(rf))
        {
            return lf.Equals(rf);
        }

        return string.Equals(left, right, StringComparison.Ordinal);
    }
}
