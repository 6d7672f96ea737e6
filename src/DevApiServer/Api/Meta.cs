using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Json;

namespace KubeBind.DevApiServer.Api;

/// <summary>Accessors for the standard fields of a Kubernetes object held as JSON.</summary>
internal static class Meta
{
    public static JsonObject Metadata(this JsonObject obj)
    {
        if (obj["metadata"] is JsonObject metadata)
        {
            return metadata;
        }

        metadata = [];
        obj["metadata"] = metadata;
        return metadata;
    }

    public static string? GetString(this JsonObject obj, string property) =>
        obj[property] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static string? Name(this JsonObject obj) => (obj["metadata"] as JsonObject)?.GetString("name");

    public static string? Namespace(this JsonObject obj) => (obj["metadata"] as JsonObject)?.GetString("namespace");

    public static string? Uid(this JsonObject obj) => (obj["metadata"] as JsonObject)?.GetString("uid");

    public static string? ResourceVersion(this JsonObject obj) => (obj["metadata"] as JsonObject)?.GetString("resourceVersion");

    public static bool IsBeingDeleted(this JsonObject obj) => (obj["metadata"] as JsonObject)?["deletionTimestamp"] is not null;

    public static IReadOnlyList<string> Finalizers(this JsonObject obj) => StringList((obj["metadata"] as JsonObject)?["finalizers"]);

    public static IReadOnlyDictionary<string, string> Labels(this JsonObject obj) => StringMap((obj["metadata"] as JsonObject)?["labels"]);

    public static IReadOnlyDictionary<string, string> Annotations(this JsonObject obj) => StringMap((obj["metadata"] as JsonObject)?["annotations"]);

    public static void SetFinalizers(this JsonObject obj, IEnumerable<string> finalizers)
    {
        var list = finalizers.ToList();
        if (list.Count == 0)
        {
            obj.Metadata().Remove("finalizers");
            return;
        }

        obj.Metadata()["finalizers"] = new JsonArray(list.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray());
    }

    public static IReadOnlyList<string> StringList(JsonNode? node)
    {
        if (node is not JsonArray array)
        {
            return [];
        }

        var result = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item is JsonValue v && v.TryGetValue<string>(out var s))
            {
                result.Add(s);
            }
        }

        return result;
    }

    public static IReadOnlyDictionary<string, string> StringMap(JsonNode? node)
    {
        if (node is not JsonObject map || map.Count == 0)
        {
            return EmptyMap;
        }

        var result = new Dictionary<string, string>(map.Count, StringComparer.Ordinal);
        foreach (var (key, value) in map)
        {
            if (value is JsonValue v && v.TryGetValue<string>(out var s))
            {
                result[key] = s;
            }
        }

        return result;
    }

    /// <summary>RFC 3339 in UTC with second precision, as Kubernetes writes <c>metav1.Time</c>.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Deep equality of JSON values, numbers compared by value as Go decodes them (int64 or float64).</summary>
    public static bool DeepEquals(JsonNode? a, JsonNode? b) => JsonEquality.DeepEquals(a, b);

    public static JsonObject ParseObject(ReadOnlySpan<byte> utf8) =>
        JsonNode.Parse(utf8, JsonDefaults.Node, JsonDefaults.Document) as JsonObject ?? throw new JsonException("expected a JSON object");

    public static readonly IReadOnlyDictionary<string, string> EmptyMap = new Dictionary<string, string>();
}
