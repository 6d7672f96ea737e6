using System.Text.Json;
using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Api;

namespace KubeBind.DevApiServer.Validation;

/// <summary>
/// ObjectMeta's JSON types. kube-apiserver decodes metadata into a typed struct, so a field of the wrong type is a
/// decoding error (400 BadRequest) before any validation runs; this reproduces that check.
/// </summary>
internal static class MetadataTypes
{
    private static readonly string[] Strings = ["name", "generateName", "namespace", "selfLink", "uid", "resourceVersion"];
    private static readonly string[] Integers = ["generation", "deletionGracePeriodSeconds"];
    private static readonly string[] Times = ["creationTimestamp", "deletionTimestamp"];

    /// <summary>Throws BadRequest naming the first mistyped field of <c>metadata</c>.</summary>
    public static void Check(JsonObject obj, string kind, string version)
    {
        var metadata = obj["metadata"];
        if (metadata is null)
        {
            return;
        }

        string? error = metadata is not JsonObject meta ? "metadata: expected an object" : FirstError(meta);
        if (error is not null)
        {
            throw ApiException.BadRequest($"{kind} in version \"{version}\" cannot be handled as a {kind}: {error}");
        }
    }

    private static string? FirstError(JsonObject meta)
    {
        foreach (var field in Strings)
        {
            if (meta[field] is { } v && v.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return $"metadata.{field}: expected a string";
            }
        }

        foreach (var field in Integers)
        {
            if (meta[field] is { } v && v.GetValueKind() != JsonValueKind.Null && (v is not JsonValue value || !value.TryGetValue<long>(out _)))
            {
                return $"metadata.{field}: expected an int64";
            }
        }

        foreach (var field in Times)
        {
            if (meta[field] is { } v && v.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return $"metadata.{field}: expected an RFC 3339 time";
            }
        }

        foreach (var field in new[] { "labels", "annotations" })
        {
            if (meta[field] is { } v && v.GetValueKind() != JsonValueKind.Null &&
                (v is not JsonObject map || map.Any(p => p.Value?.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Null))))
            {
                return $"metadata.{field}: expected a map of strings";
            }
        }

        if (meta["finalizers"] is { } finalizers && finalizers.GetValueKind() != JsonValueKind.Null &&
            (finalizers is not JsonArray list || list.Any(f => f?.GetValueKind() != JsonValueKind.String)))
        {
            return "metadata.finalizers: expected a list of strings";
        }

        foreach (var field in new[] { "ownerReferences", "managedFields" })
        {
            if (meta[field] is { } v && v.GetValueKind() != JsonValueKind.Null && (v is not JsonArray items || items.Any(i => i is not JsonObject)))
            {
                return $"metadata.{field}: expected a list of objects";
            }
        }

        return null;
    }
}
