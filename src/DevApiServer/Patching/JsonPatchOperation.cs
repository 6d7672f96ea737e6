using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Json;

namespace KubeBind.DevApiServer.Patching;

/// <summary>One parsed RFC 6902 operation; <see cref="Value"/> is meaningful only when <see cref="HasValue"/>.</summary>
internal sealed record JsonPatchOperation(int Index, string Op, string Path, string? From, bool HasValue, JsonNode? Value)
{
    /// <summary>Reads a JSON patch document, checking only its shape: an array of objects with string op and path.</summary>
    public static IReadOnlyList<JsonPatchOperation> ParseAll(JsonNode? patch)
    {
        if (patch is not JsonArray operations)
        {
            throw new MalformedPatchException("a JSON patch must be a JSON array of operations");
        }

        var parsed = new List<JsonPatchOperation>(operations.Count);
        for (var i = 0; i < operations.Count; i++)
        {
            if (operations[i] is not JsonObject operation)
            {
                throw new MalformedPatchException($"JSON patch operation {i} is not a JSON object");
            }

            if (!JsonScalar.TryGetString(operation["op"], out var op))
            {
                throw new MalformedPatchException($"JSON patch operation {i} has no \"op\" string");
            }

            if (!JsonScalar.TryGetString(operation["path"], out var path))
            {
                throw new MalformedPatchException($"JSON patch operation {i} ({op}) has no \"path\" string");
            }

            string? from = null;
            if (operation.TryGetPropertyValue("from", out var fromNode) && !JsonScalar.TryGetString(fromNode, out from))
            {
                throw new MalformedPatchException($"JSON patch operation {i} ({op}) has a \"from\" that is not a string");
            }

            var hasValue = operation.TryGetPropertyValue("value", out var value);
            parsed.Add(new JsonPatchOperation(i, op, path, from, hasValue, value));
        }

        return parsed;
    }

    /// <summary>An application error naming this operation, its index and its path.</summary>
    public PatchApplicationException Fail(string reason) =>
        new($"JSON patch operation {Index} ({Op} \"{Path}\") failed: {reason}");
}
