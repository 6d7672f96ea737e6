using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Json;

namespace KubeBind.DevApiServer.Apply;

/// <summary>Value semantics of JSON nodes as SMD defines them: kinds, total order and path-string text.</summary>
internal static class JsonValues
{
    /// <summary>Gets the nesting limit for objects handled by field management.</summary>
    public const int MaxDepth = 100;

    /// <summary>Returns the JSON kind of a node; a C# null is JSON null.</summary>
    public static JsonValueKind KindOf(JsonNode? node) => node switch
    {
        null => JsonValueKind.Null,
        JsonObject => JsonValueKind.Object,
        JsonArray => JsonValueKind.Array,
        _ => node.GetValueKind(),
    };

    /// <summary>Returns the string value of a node, or null when it is not a string.</summary>
    public static string? AsString(JsonNode? node) => JsonScalar.TryGetString(node, out var text) ? text : null;

    /// <summary>Orders any two values like SMD's value.Compare: numbers, strings, booleans, lists, maps, then null.</summary>
    public static int Compare(JsonNode? left, JsonNode? right)
    {
        var leftRank = Rank(left, out var leftNumber);
        var rightRank = Rank(right, out var rightNumber);
        if (leftRank != rightRank)
        {
            return leftRank.CompareTo(rightRank);
        }

        return leftRank switch
        {
            0 => leftNumber.CompareTo(rightNumber),
            1 => Math.Sign(string.CompareOrdinal(AsString(left), AsString(right))),
            2 => (KindOf(left) == JsonValueKind.True).CompareTo(KindOf(right) == JsonValueKind.True),
            3 => CompareLists((JsonArray)left!, (JsonArray)right!),
            4 => CompareMaps((JsonObject)left!, (JsonObject)right!),
            _ => 0,
        };
    }

    /// <summary>Formats a value like SMD's value.ToString, used in path strings of conflict messages.</summary>
    public static string ToGoString(JsonNode? node)
    {
        switch (KindOf(node))
        {
            case JsonValueKind.String:
                return GoText.Quote(AsString(node)!);
            case JsonValueKind.Number:
                return JsonNumber.TryRead((JsonValue)node!, out var number)
                    ? number.IsInteger ? number.Integer.ToString(CultureInfo.InvariantCulture) : GoText.Float(number.Float)
                    : node!.ToJsonString();
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            case JsonValueKind.Array:
                return "[" + string.Join(",", ((JsonArray)node!).Select(ToGoString)) + "]";
            case JsonValueKind.Object:
                var map = (JsonObject)node!;
                return string.Concat(map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + ToGoString(p.Value)));
            default:
                return "null";
        }
    }

    /// <summary>Returns whether a value nests deeper than <paramref name="limit"/> containers, without recursion.</summary>
    public static bool IsDeeperThan(JsonNode? node, int limit)
    {
        var stack = new Stack<(JsonNode Node, int Depth)>();
        if (node is not null)
        {
            stack.Push((node, 1));
        }

        while (stack.Count > 0)
        {
            var (current, depth) = stack.Pop();
            IEnumerable<JsonNode?> children = current switch
            {
                JsonObject map => map.Select(p => p.Value),
                JsonArray list => list,
                _ => [],
            };
            foreach (var child in children)
            {
                if (child is JsonObject or JsonArray)
                {
                    if (depth + 1 > limit)
                    {
                        return true;
                    }

                    stack.Push((child, depth + 1));
                }
            }
        }

        return false;
    }

    private static int Rank(JsonNode? node, out JsonNumber number)
    {
        number = default;
        return KindOf(node) switch
        {
            JsonValueKind.Number when JsonNumber.TryRead((JsonValue)node!, out number) => 0,
            JsonValueKind.String => 1,
            JsonValueKind.True or JsonValueKind.False => 2,
            JsonValueKind.Array => 3,
            JsonValueKind.Object => 4,
            _ => 5,
        };
    }

    private static int CompareLists(JsonArray left, JsonArray right)
    {
        for (var i = 0; ; i++)
        {
            if (i >= left.Count || i >= right.Count)
            {
                return left.Count.CompareTo(right.Count);
            }

            var c = Compare(left[i], right[i]);
            if (c != 0)
            {
                return c;
            }
        }
    }

    private static int CompareMaps(JsonObject left, JsonObject right)
    {
        var leftKeys = left.Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        var rightKeys = right.Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        for (var i = 0; ; i++)
        {
            if (i >= leftKeys.Count || i >= rightKeys.Count)
            {
                return leftKeys.Count.CompareTo(rightKeys.Count);
            }

            var c = Math.Sign(string.CompareOrdinal(leftKeys[i], rightKeys[i]));
            if (c == 0)
            {
                c = Compare(left[leftKeys[i]], right[rightKeys[i]]);
            }

            if (c != 0)
            {
                return c;
            }
        }
    }
}
