using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Json;

namespace KubeBind.DevApiServer.Patching;

/// <summary>JSON merge patch (RFC 7386, <c>application/merge-patch+json</c>).</summary>
internal static class JsonMergePatch
{
    /// <summary>Applies <paramref name="patch"/> to a copy of <paramref name="target"/>; neither input is changed.</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch) =>
        JsonTree.Guard(() =>
        {
            if (patch is not JsonObject patchObject)
            {
                return JsonTree.Clone(patch, 0);
            }

            var working = target is JsonObject targetObject ? targetObject.DeepClone().AsObject() : [];
            return MergeInto(working, patchObject, 1);
        });

    private static JsonObject MergeInto(JsonObject target, JsonObject patch, int depth)
    {
        JsonTree.EnsureDepth(depth);
        foreach (var (name, value) in patch)
        {
            if (JsonScalar.IsNull(value))
            {
                target.Remove(name);
            }
            else if (value is JsonObject child)
            {
                if (target.TryGetPropertyValue(name, out var existing) && existing is JsonObject existingObject)
                {
                    MergeInto(existingObject, child, depth + 1);
                }
                else
                {
                    target[name] = MergeInto([], child, depth + 1);
                }
            }
            else
            {
                target[name] = JsonTree.Clone(value, depth + 1);
            }
        }

        return target;
    }
}
