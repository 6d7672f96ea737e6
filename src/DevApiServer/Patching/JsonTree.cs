using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Json;

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
            throw TooDeep();
        }
    }

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

    /// <summary>Structural JSON equality (numbers by value, 1 equals 1.0), refusing values nested deeper than <see cref="MaxDepth"/>.</summary>
    public static bool DeepEquals(JsonNode? left, JsonNode? right) =>
        JsonEquality.TryDeepEquals(left, right, MaxDepth, NumberEquality.ByValue, out var equal) ? equal : throw TooDeep();

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

    private static PatchApplicationException TooDeep() => new($"the patch is nested deeper than {MaxDepth} levels");
}
