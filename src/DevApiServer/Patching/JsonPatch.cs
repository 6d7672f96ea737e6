using System.Text.Json.Nodes;

namespace KubeBind.DevApiServer.Patching;

/// <summary>JSON patch (RFC 6902, <c>application/json-patch+json</c>): add, remove, replace, move, copy and test.</summary>
internal static class JsonPatch
{
    /// <summary>Applies every operation in order to a copy of <paramref name="target"/>; all or nothing, inputs unchanged.</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch) =>
        JsonTree.Guard(() =>
        {
            var operations = JsonPatchOperation.ParseAll(patch);
            var document = target?.DeepClone();
            foreach (var operation in operations)
            {
                document = ApplyOne(document, operation);
            }

            return document;
        });

    private static JsonNode? ApplyOne(JsonNode? document, JsonPatchOperation operation)
    {
        var path = Tokens(operation, operation.Path);
        switch (operation.Op)
        {
            case "add":
                return Add(document, path, PatchValue(operation), operation);
            case "remove":
                Remove(document, path, operation);
                return document;
            case "replace":
                return Replace(document, path, PatchValue(operation), operation);
            case "move":
                return Move(document, Tokens(operation, RequireFrom(operation)), path, operation);
            case "copy":
                var source = Get(document, Tokens(operation, RequireFrom(operation)), operation);
                return Add(document, path, JsonTree.Clone(source, 1), operation);
            case "test":
                if (!operation.HasValue)
                {
                    throw operation.Fail("missing value");
                }

                if (!JsonTree.DeepEquals(Get(document, path, operation), operation.Value))
                {
                    throw operation.Fail($"testing value {JsonTree.Describe(operation.Value)} failed");
                }

                return document;
            default:
                throw operation.Fail($"unknown operation \"{operation.Op}\"");
        }
    }

    private static JsonNode? PatchValue(JsonPatchOperation operation) =>
        operation.HasValue ? JsonTree.Clone(operation.Value, 1) : throw operation.Fail("missing value");

    private static string RequireFrom(JsonPatchOperation operation) =>
        operation.From ?? throw operation.Fail("missing \"from\"");

    private static string[] Tokens(JsonPatchOperation operation, string pointer) =>
        JsonPointer.TryParse(pointer, out var tokens) ? tokens : throw operation.Fail($"\"{pointer}\" is not a valid JSON pointer");

    private static JsonNode? Get(JsonNode? document, ReadOnlySpan<string> tokens, JsonPatchOperation operation)
    {
        var current = document;
        foreach (var token in tokens)
        {
            current = current switch
            {
                JsonObject map when map.TryGetPropertyValue(token, out var child) => child,
                JsonArray list when JsonPointer.TryParseIndex(token, list.Count, out var index) => list[index],
                _ => throw operation.Fail($"doc is missing path: \"{Pointer(tokens)}\""),
            };
        }

        return current;
    }

    private static JsonNode? Add(JsonNode? document, string[] path, JsonNode? value, JsonPatchOperation operation)
    {
        if (path.Length == 0)
        {
            return value;
        }

        var last = path[^1];
        switch (Get(document, path.AsSpan(0, path.Length - 1), operation))
        {
            case JsonObject map:
                map[last] = value;
                break;
            case JsonArray list when last == "-":
                list.Add(value);
                break;
            case JsonArray list when JsonPointer.TryParseIndex(last, list.Count + 1, out var index):
                list.Insert(index, value);
                break;
            case JsonArray list:
                throw operation.Fail($"index \"{last}\" is out of bounds for an array of {list.Count} elements");
            default:
                throw operation.Fail($"doc is missing path: \"{Pointer(path)}\": the parent is not an object or array");
        }

        return document;
    }

    private static JsonNode? Remove(JsonNode? document, string[] path, JsonPatchOperation operation)
    {
        if (path.Length == 0)
        {
            throw operation.Fail("the document root cannot be removed");
        }

        var last = path[^1];
        switch (Get(document, path.AsSpan(0, path.Length - 1), operation))
        {
            case JsonObject map when map.TryGetPropertyValue(last, out var removed):
                map.Remove(last);
                return removed;
            case JsonArray list when JsonPointer.TryParseIndex(last, list.Count, out var index):
                var item = list[index];
                list.RemoveAt(index);
                return item;
            default:
                throw operation.Fail($"unable to remove nonexistent key: \"{Pointer(path)}\"");
        }
    }

    private static JsonNode? Replace(JsonNode? document, string[] path, JsonNode? value, JsonPatchOperation operation)
    {
        if (path.Length == 0)
        {
            return value;
        }

        var last = path[^1];
        switch (Get(document, path.AsSpan(0, path.Length - 1), operation))
        {
            case JsonObject map when map.ContainsKey(last):
                map[last] = value;
                break;
            case JsonArray list when JsonPointer.TryParseIndex(last, list.Count, out var index):
                list[index] = value;
                break;
            default:
                throw operation.Fail($"doc is missing key: \"{Pointer(path)}\"");
        }

        return document;
    }

    private static JsonNode? Move(JsonNode? document, string[] from, string[] path, JsonPatchOperation operation)
    {
        if (from.AsSpan().SequenceEqual(path))
        {
            Get(document, path, operation);
            return document;
        }

        if (path.Length > from.Length && path.AsSpan(0, from.Length).SequenceEqual(from))
        {
            throw operation.Fail($"\"{operation.From}\" cannot be moved into one of its own children");
        }

        Get(document, from, operation);
        var value = Remove(document, from, operation);
        return Add(document, path, value, operation);
    }

    private static string Pointer(ReadOnlySpan<string> tokens)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var token in tokens)
        {
            builder.Append('/').Append(token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
        }

        return builder.ToString();
    }
}
