using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Json;

namespace KubeBind.DevApiServer.Patching;

/// <summary>
/// Kubernetes strategic merge patch (<c>application/strategic-merge-patch+json</c>) as kubectl sends it for built-in
/// types: JSON merge patch plus merge lists and the <c>$patch</c>, <c>$retainKeys</c>, <c>$setElementOrder</c> and
/// <c>$deleteFromPrimitiveList</c> directives.
/// </summary>
internal static class StrategicMergePatch
{
    private const string PatchDirective = "$patch";
    private const string RetainKeysDirective = "$retainKeys";
    private const string SetElementOrderPrefix = "$setElementOrder";
    private const string DeleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList";
    private const string ReplaceDirective = "replace";
    private const string DeleteDirective = "delete";
    private const string MergeDirective = "merge";

    /// <summary>Applies <paramref name="patch"/> to a copy of <paramref name="original"/>; neither input is changed.</summary>
    public static JsonObject Apply(JsonObject original, JsonObject patch, StrategicPatchSchema schema)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(patch);
        ArgumentNullException.ThrowIfNull(schema);

        // A top-level "$patch: delete" leaves an empty object, as kube-apiserver does.
        return JsonTree.Guard(() => MergeMap(original.DeepClone().AsObject(), patch, schema.Root, 1) ?? []);
    }

    /// <summary>Applies a parsed request body, refusing one that is not a JSON object.</summary>
    public static JsonObject Apply(JsonObject original, JsonNode? patch, StrategicPatchSchema schema) =>
        patch is JsonObject patchObject
            ? Apply(original, patchObject, schema)
            : throw new MalformedPatchException("a strategic merge patch must be a JSON object");

    // Returns null when the patch deletes the map ("$patch: delete"); otherwise the merged map, reusing original.
    private static JsonObject? MergeMap(JsonObject? original, JsonObject patch, StrategicPatchSchemaNode? schema, int depth)
    {
        JsonTree.EnsureDepth(depth);
        var directive = patch.TryGetPropertyValue(PatchDirective, out var marker) ? ReadDirective(marker, patch) : MergeDirective;
        if (directive == DeleteDirective)
        {
            return null;
        }

        JsonObject target = directive == ReplaceDirective ? [] : original ?? [];
        Dictionary<string, JsonArray>? orders = null;
        Dictionary<string, JsonArray>? deletions = null;
        foreach (var (name, value) in patch)
        {
            if (name == RetainKeysDirective)
            {
                var keep = value as JsonArray ?? throw new MalformedPatchException("invalid patch format of retainKeys");
                RetainKeys(target, patch, keep);
            }
            else if (name.StartsWith(SetElementOrderPrefix, StringComparison.Ordinal))
            {
                const string error = "invalid patch format of setElementOrder list";
                (orders ??= new(StringComparer.Ordinal))[ListName(name, SetElementOrderPrefix, error)] =
                    value as JsonArray ?? throw new MalformedPatchException(error);
            }
            else if (name.StartsWith(DeleteFromPrimitiveListPrefix, StringComparison.Ordinal))
            {
                const string error = "invalid patch format of primitive list";
                (deletions ??= new(StringComparer.Ordinal))[ListName(name, DeleteFromPrimitiveListPrefix, error)] =
                    value as JsonArray ?? throw new MalformedPatchException(error);
            }
        }

        foreach (var name in patch.Select(member => member.Key))
        {
            if (!IsDirective(name))
            {
                MergeField(target, patch, name, orders, deletions, schema?.Child(name), depth);
            }
        }

        // Directives may name a list the patch does not carry, e.g. a pure reorder or a pure deletion.
        var directiveOnly = (orders?.Keys ?? Enumerable.Empty<string>()).Union(deletions?.Keys ?? Enumerable.Empty<string>());
        foreach (var name in directiveOnly.Where(name => !patch.ContainsKey(name)))
        {
            MergeField(target, patch, name, orders, deletions, schema?.Child(name), depth);
        }

        return target;
    }

    private static void MergeField(
        JsonObject target,
        JsonObject patch,
        string name,
        Dictionary<string, JsonArray>? orders,
        Dictionary<string, JsonArray>? deletions,
        StrategicPatchSchemaNode? schema,
        int depth)
    {
        var inPatch = patch.TryGetPropertyValue(name, out var patchValue);
        var order = orders?.GetValueOrDefault(name);
        var deletion = deletions?.GetValueOrDefault(name);
        if (inPatch && JsonScalar.IsNull(patchValue))
        {
            target.Remove(name);
            return;
        }

        target.TryGetPropertyValue(name, out var current);
        JsonNode? merged;
        switch (patchValue)
        {
            case JsonObject patchMap:
                merged = MergeMap(current as JsonObject, patchMap, schema, depth + 1);
                if (merged is null)
                {
                    target.Remove(name);
                    return;
                }

                break;
            case JsonArray patchList:
                merged = MergeList(current as JsonArray, patchList, order, deletion, schema, depth + 1);
                break;
            case null when current is JsonArray currentList:
                merged = MergeList(currentList, null, order, deletion, schema, depth + 1);
                break;
            case null:
                // Only directives name this field and the object has no list there: nothing to reorder or delete.
                return;
            default:
                merged = JsonTree.Clone(patchValue, depth + 1);
                break;
        }

        if (!ReferenceEquals(merged, current))
        {
            target[name] = merged;
        }
    }

    private static JsonArray? MergeList(
        JsonArray? original,
        JsonArray? patch,
        JsonArray? order,
        JsonArray? deletions,
        StrategicPatchSchemaNode? schema,
        int depth)
    {
        JsonTree.EnsureDepth(depth);
        var field = schema?.Field ?? StrategicPatchField.Default;
        if (field.MergeKey is { } mergeKey)
        {
            return MergeObjectList(original ?? [], patch ?? [], order, mergeKey, schema, depth);
        }

        if (field.MergesPrimitives)
        {
            return MergePrimitiveList(original ?? [], patch ?? [], order, deletions, depth);
        }

        // A replaced list ignores $setElementOrder and $deleteFromPrimitiveList, which kubectl only sends for merge lists.
        return patch is null ? original : ReplaceList(patch, schema, depth);
    }

    private static JsonArray ReplaceList(JsonArray patch, StrategicPatchSchemaNode? schema, int depth)
    {
        var result = new JsonArray();
        foreach (var item in patch)
        {
            if (item is JsonObject map && map.TryGetPropertyValue(PatchDirective, out var marker))
            {
                switch (ReadDirective(marker, map))
                {
                    case ReplaceDirective:
                        continue;
                    case DeleteDirective:
                        throw new PatchApplicationException(
                            $"$patch: delete needs a list with a merge key, but this list is replaced: {JsonTree.Describe(map)}");
                    default:
                        throw new PatchApplicationException("merging lists cannot yet be specified in the patch");
                }
            }

            result.Add(Insert(item, schema, depth + 1));
        }

        return result;
    }

    private static JsonArray MergeObjectList(
        JsonArray items,
        JsonArray patch,
        JsonArray? order,
        string mergeKey,
        StrategicPatchSchemaNode? schema,
        int depth)
    {
        foreach (var item in items)
        {
            if (item is not JsonObject)
            {
                throw new PatchApplicationException(
                    $"the list merged by \"{mergeKey}\" holds a value that is not a map: {JsonTree.Describe(item)}");
            }
        }

        var regular = new List<JsonObject>();
        var replaceAll = false;
        foreach (var item in patch)
        {
            if (item is not JsonObject map)
            {
                throw new PatchApplicationException(
                    $"expected a map with merge key \"{mergeKey}\" in the patch list, but received {JsonTree.Describe(item)}");
            }

            if (!map.TryGetPropertyValue(PatchDirective, out var marker))
            {
                regular.Add(map);
                continue;
            }

            switch (ReadDirective(marker, map))
            {
                case DeleteDirective:
                    var doomed = RequireMergeKey(map, mergeKey);
                    for (var i = items.Count - 1; i >= 0; i--)
                    {
                        if (HasMergeKey(items[i], mergeKey, doomed))
                        {
                            items.RemoveAt(i);
                        }
                    }

                    break;
                case ReplaceDirective:
                    replaceAll = true;
                    break;
                default:
                    throw new PatchApplicationException("merging lists cannot yet be specified in the patch");
            }
        }

        if (replaceAll)
        {
            items = [];
        }

        foreach (var map in regular)
        {
            var key = RequireMergeKey(map, mergeKey);
            var index = IndexOf(items, item => HasMergeKey(item, mergeKey, key));
            if (index < 0)
            {
                items.Add(MergeMap(null, map, schema, depth + 1));
                continue;
            }

            var existing = (JsonObject)items[index]!;
            var merged = MergeMap(existing, map, schema, depth + 1);
            if (!ReferenceEquals(merged, existing))
            {
                items[index] = merged;
            }
        }

        if (order is not null)
        {
            var orderKeys = order.Select(entry => entry is JsonObject map
                    ? RequireMergeKey(map, mergeKey)
                    : throw new PatchApplicationException(
                        $"$setElementOrder entries of a list merged by \"{mergeKey}\" must be maps, but received {JsonTree.Describe(entry)}"))
                .ToList();
            EnsureOrderMatchesPatch(regular.Select(map => map[mergeKey]).ToList(), orderKeys, order);
            Reorder(items, orderKeys, item => item?[mergeKey]);
        }

        return items;
    }

    private static JsonArray MergePrimitiveList(
        JsonArray items,
        JsonArray patch,
        JsonArray? order,
        JsonArray? deletions,
        int depth)
    {
        var additions = new List<JsonNode?>();
        var replaceAll = false;
        foreach (var item in patch)
        {
            if (item is JsonObject map && map.TryGetPropertyValue(PatchDirective, out var marker))
            {
                var directive = ReadDirective(marker, map);
                if (directive != ReplaceDirective)
                {
                    throw new PatchApplicationException($"$patch: {directive} is not supported in a list of primitives");
                }

                replaceAll = true;
                continue;
            }

            if (item is JsonObject or JsonArray)
            {
                throw new PatchApplicationException($"a list of primitives cannot merge {JsonTree.Describe(item)}");
            }

            additions.Add(item);
        }

        if (replaceAll)
        {
            items = [];
        }

        if (deletions is not null)
        {
            for (var i = items.Count - 1; i >= 0; i--)
            {
                if (Contains(deletions, items[i]))
                {
                    items.RemoveAt(i);
                }
            }
        }

        foreach (var addition in additions)
        {
            if (!Contains(items, addition))
            {
                items.Add(JsonTree.Clone(addition, depth + 1));
            }
        }

        // A merged primitive list is a set: drop later duplicates the stored list may already carry.
        for (var i = items.Count - 1; i > 0; i--)
        {
            var value = items[i];
            if (IndexOf(items, item => JsonTree.DeepEquals(item, value)) < i)
            {
                items.RemoveAt(i);
            }
        }

        if (order is not null)
        {
            var orderValues = order.ToList();
            EnsureOrderMatchesPatch(additions, orderValues, order);
            Reorder(items, orderValues, item => item);
        }

        return items;
    }

    private static JsonNode? Insert(JsonNode? value, StrategicPatchSchemaNode? schema, int depth) => value switch
    {
        JsonObject map => MergeMap(null, map, schema, depth),
        JsonArray list => MergeList(null, list, null, null, schema, depth),
        _ => JsonTree.Clone(value, depth),
    };

    private static void RetainKeys(JsonObject target, JsonObject patch, JsonArray keep)
    {
        var retained = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in keep)
        {
            if (JsonScalar.TryGetString(entry, out var key))
            {
                retained.Add(key);
            }
        }

        foreach (var (name, value) in patch)
        {
            if (!IsDirective(name) && !JsonScalar.IsNull(value) && !retained.Contains(name))
            {
                throw new PatchApplicationException("patch content doesn't match retainKeys list");
            }
        }

        foreach (var name in target.Select(member => member.Key).Where(name => !retained.Contains(name)).ToList())
        {
            target.Remove(name);
        }
    }

    // kube-apiserver refuses a patch list whose items are not a subsequence of its $setElementOrder list.
    private static void EnsureOrderMatchesPatch(List<JsonNode?> patchKeys, List<JsonNode?> orderKeys, JsonArray order)
    {
        if (patchKeys.Count == 0 || orderKeys.Count == 0)
        {
            return;
        }

        var matched = 0;
        foreach (var key in orderKeys)
        {
            if (matched < patchKeys.Count && JsonTree.DeepEquals(patchKeys[matched], key))
            {
                matched++;
            }
        }

        if (matched < patchKeys.Count)
        {
            var patchList = JsonTree.Describe(new JsonArray(patchKeys.Select(key => JsonTree.Clone(key, 1)).ToArray()));
            throw new PatchApplicationException(
                $"The order in patch list:\n{patchList}\n doesn't match $setElementOrder list:\n{JsonTree.Describe(order)}");
        }
    }

    // Listed items first in the listed order, then the rest in their current order.
    private static void Reorder(JsonArray items, List<JsonNode?> orderKeys, Func<JsonNode?, JsonNode?> keyOf)
    {
        var rest = items.ToList();
        items.Clear();
        foreach (var key in orderKeys)
        {
            var index = rest.FindIndex(item => JsonTree.DeepEquals(keyOf(item), key));
            if (index >= 0)
            {
                items.Add(rest[index]);
                rest.RemoveAt(index);
            }
        }

        foreach (var item in rest)
        {
            items.Add(item);
        }
    }

    private static string ReadDirective(JsonNode? marker, JsonObject map) =>
        JsonScalar.TryGetString(marker, out var directive) && directive is ReplaceDirective or DeleteDirective or MergeDirective
            ? directive
            : throw new PatchApplicationException($"unknown patch type: {JsonTree.Describe(marker)} in map: {JsonTree.Describe(map)}");

    private static JsonNode? RequireMergeKey(JsonObject map, string mergeKey) =>
        map.TryGetPropertyValue(mergeKey, out var key)
            ? key
            : throw new PatchApplicationException($"map: {JsonTree.Describe(map)} does not contain declared merge key: {mergeKey}");

    private static bool HasMergeKey(JsonNode? item, string mergeKey, JsonNode? key) =>
        item is JsonObject map && map.TryGetPropertyValue(mergeKey, out var value) && JsonTree.DeepEquals(value, key);

    private static bool Contains(JsonArray list, JsonNode? value) => IndexOf(list, item => JsonTree.DeepEquals(item, value)) >= 0;

    private static int IndexOf(JsonArray list, Func<JsonNode?, bool> match)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (match(list[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsDirective(string name) =>
        name is PatchDirective or RetainKeysDirective
        || name.StartsWith(SetElementOrderPrefix, StringComparison.Ordinal)
        || name.StartsWith(DeleteFromPrimitiveListPrefix, StringComparison.Ordinal);

    private static string ListName(string directiveKey, string prefix, string error) =>
        directiveKey.Length > prefix.Length + 1 && directiveKey[prefix.Length] == '/'
            ? directiveKey[(prefix.Length + 1)..]
            : throw new MalformedPatchException(error);
}
