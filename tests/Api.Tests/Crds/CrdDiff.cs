using System.Text.Json.Nodes;

namespace KubeBind.Api.Tests.Crds;

/// <summary>
/// Where two CRDs differ structurally, as JSON paths: <c>description</c> keywords are ignored (property names
/// are not), <c>required</c> compares as a set, everything else must match exactly.
/// </summary>
internal static class CrdDiff
{
    // Values under these keywords are data, not schema: compared verbatim.
    private static readonly HashSet<string> DataKeywords = ["default", "enum", "example"];

    public static IReadOnlyList<string> Differences(JsonNode? expected, JsonNode? actual)
    {
        var differences = new List<string>();
        Compare(expected, actual, "$", keysAreNames: false, differences);
        return differences;
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, bool keysAreNames, List<string> differences)
    {
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                var keys = e.Select(p => p.Key).Union(a.Select(p => p.Key)).Where(k => keysAreNames || k != "description");
                foreach (var key in keys.Order(StringComparer.Ordinal))
                {
                    var child = $"{path}.{key}";
                    if (!e.ContainsKey(key) || !a.ContainsKey(key))
                    {
                        differences.Add($"{child}: {(e.ContainsKey(key) ? "missing" : "unexpected")}");
                    }
                    else if (!keysAreNames && DataKeywords.Contains(key))
                    {
                        Exact(e[key], a[key], child, differences);
                    }
                    else if (!keysAreNames && key == "required")
                    {
                        Set(e[key], a[key], child, differences);
                    }
                    else
                    {
                        Compare(e[key], a[key], child, keysAreNames: !keysAreNames && key == "properties", differences);
                    }
                }

                break;
            case (JsonArray e, JsonArray a) when e.Count == a.Count:
                for (var i = 0; i < e.Count; i++)
                {
                    Compare(e[i], a[i], $"{path}[{i}]", keysAreNames: false, differences);
                }

                break;
            default:
                Exact(expected, actual, path, differences);
                break;
        }
    }

    private static void Exact(JsonNode? expected, JsonNode? actual, string path, List<string> differences)
    {
        if (!JsonNode.DeepEquals(expected, actual))
        {
            differences.Add($"{path}: expected {expected?.ToJsonString() ?? "null"}, got {actual?.ToJsonString() ?? "null"}");
        }
    }

    private static void Set(JsonNode? expected, JsonNode? actual, string path, List<string> differences)
    {
        var e = (expected as JsonArray ?? []).Select(n => n?.ToJsonString()).ToHashSet();
        var a = (actual as JsonArray ?? []).Select(n => n?.ToJsonString()).ToHashSet();
        if (!e.SetEquals(a))
        {
            differences.Add($"{path}: expected the set {expected?.ToJsonString()}, got {actual?.ToJsonString()}");
        }
    }
}
