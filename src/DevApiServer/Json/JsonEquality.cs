using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeBind.DevApiServer.Json;

/// <summary>Deep equality of JSON values as Kubernetes compares decoded objects: maps unordered, lists ordered, depth capped.</summary>
internal static class JsonEquality
{
    /// <summary>Deepest nesting <see cref="DeepEquals"/> descends to; bodies parse at most 128 deep, so only values built deeper reach it.</summary>
    public const int MaxDepth = 200;

    /// <summary>Compares two values deeply; values that differ or nest deeper than <see cref="MaxDepth"/> are unequal.</summary>
    public static bool DeepEquals(JsonNode? left, JsonNode? right, NumberEquality numbers = NumberEquality.ByValue) =>
        TryDeepEquals(left, right, MaxDepth, numbers, out var equal) && equal;

    /// <summary>Compares two values deeply; returns false when deciding needs to look deeper than <paramref name="maxDepth"/> levels.</summary>
    public static bool TryDeepEquals(JsonNode? left, JsonNode? right, int maxDepth, NumberEquality numbers, out bool equal)
    {
        var outcome = Compare(left, right, 0, maxDepth, numbers);
        equal = outcome == true;
        return outcome is not null;
    }

    // True or false once decided, null when the values nest deeper than the cap before a difference shows.
    private static bool? Compare(JsonNode? left, JsonNode? right, int depth, int maxDepth, NumberEquality numbers)
    {
        if (depth > maxDepth)
        {
            return null;
        }

        if (JsonScalar.IsNull(left) || JsonScalar.IsNull(right))
        {
            return JsonScalar.IsNull(left) && JsonScalar.IsNull(right);
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
                    var outcome = r.TryGetPropertyValue(name, out var other) ? Compare(value, other, depth + 1, maxDepth, numbers) : false;
                    if (outcome != true)
                    {
                        return outcome;
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
                    var outcome = Compare(l[i], r[i], depth + 1, maxDepth, numbers);
                    if (outcome != true)
                    {
                        return outcome;
                    }
                }

                return true;
            case (JsonValue l, JsonValue r):
                return ScalarEquals(l, r, numbers);
            default:
                return false;
        }
    }

    private static bool ScalarEquals(JsonValue left, JsonValue right, NumberEquality numbers)
    {
        var kind = left.GetValueKind();
        if (kind != right.GetValueKind())
        {
            return false;
        }

        return kind switch
        {
            JsonValueKind.True or JsonValueKind.False => true,
            JsonValueKind.String => JsonScalar.TryGetString(left, out var l) && JsonScalar.TryGetString(right, out var r)
                && string.Equals(l, r, StringComparison.Ordinal),
            JsonValueKind.Number => NumberEquals(left, right, numbers),
            _ => string.Equals(left.ToJsonString(), right.ToJsonString(), StringComparison.Ordinal),
        };
    }

    private static bool NumberEquals(JsonValue left, JsonValue right, NumberEquality numbers)
    {
        if (JsonNumber.TryRead(left, out var l) && JsonNumber.TryRead(right, out var r) && double.IsFinite(l.AsDouble) && double.IsFinite(r.AsDouble))
        {
            // int64s compare exactly, anything else as float64, the two types Go decodes JSON numbers into.
            return l.CompareTo(r) == 0 && (numbers == NumberEquality.ByValue || l.IsInteger == r.IsInteger);
        }

        // Go refuses to decode a number beyond float64, so only the same literal counts as the same value.
        return string.Equals(left.ToJsonString(), right.ToJsonString(), StringComparison.Ordinal);
    }
}
