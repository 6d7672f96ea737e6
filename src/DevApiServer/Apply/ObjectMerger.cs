using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeBind.DevApiServer.Apply;

/// <summary>Merges an apply configuration into the live object (SMD's typed Merge), returning a new object.</summary>
internal static class ObjectMerger
{
    /// <summary>
    /// Granular maps merge field by field, set and associative lists item by item, anything else is replaced by the
    /// configuration; the configuration must already have passed <see cref="FieldSetBuilder.FromConfiguration"/>.
    /// </summary>
    public static JsonObject Merge(JsonObject live, JsonObject configuration, ApplySchema schema) =>
        (JsonObject)MergeValues(live, configuration, schema.Root)!;

    private static JsonNode? MergeValues(JsonNode? live, JsonNode? configuration, SchemaCursor cursor)
    {
        var liveShape = cursor.ShapeOf(live);
        if (liveShape == ValueShape.Untracked)
        {
            return live?.DeepClone();
        }

        if (cursor.IsDeclaredGranular && JsonValues.KindOf(configuration) == JsonValueKind.Null && live is JsonObject { Count: > 0 } or JsonArray { Count: > 0 })
        {
            return live.DeepClone();
        }

        if (liveShape != cursor.ShapeOf(configuration))
        {
            return configuration?.DeepClone();
        }

        return liveShape switch
        {
            ValueShape.Map => MergeMaps((JsonObject)live!, (JsonObject)configuration!, cursor),
            ValueShape.SetList or ValueShape.AssociativeList => MergeLists((JsonArray)live!, (JsonArray)configuration!, liveShape, cursor),
            _ => configuration?.DeepClone(),
        };
    }

    private static JsonObject MergeMaps(JsonObject live, JsonObject configuration, SchemaCursor cursor)
    {
        var result = new JsonObject();
        foreach (var (name, value) in live)
        {
            result[name] = configuration.TryGetPropertyValue(name, out var applied)
                ? MergeValues(value, applied, cursor.Field(name))
                : value?.DeepClone();
        }

        foreach (var (name, value) in configuration)
        {
            if (!live.ContainsKey(name))
            {
                result[name] = value?.DeepClone();
            }
        }

        return result;
    }

    /// <summary>
    /// Merges items by identity, preferring the configuration's order for the items it names (SMD ≥ 4.2):
    /// live-only items stay where they are, shared items follow the configuration, new items land where it puts them.
    /// </summary>
    private static JsonArray MergeLists(JsonArray live, JsonArray configuration, ValueShape shape, SchemaCursor cursor)
    {
        var itemCursor = cursor.Item();
        var liveElements = ListItems.LenientElements(live, shape, cursor.Keys);
        var appliedElements = ListItems.LenientElements(configuration, shape, cursor.Keys);
        var applied = new Dictionary<PathElement, JsonNode?>();
        for (var i = 0; i < configuration.Count; i++)
        {
            applied[appliedElements[i]] = configuration[i];
        }

        // A duplicated live item has no single counterpart: the configuration's item replaces all copies.
        var liveByElement = new Dictionary<PathElement, (JsonNode? Item, bool Duplicated)>();
        for (var i = 0; i < live.Count; i++)
        {
            liveByElement[liveElements[i]] = liveByElement.ContainsKey(liveElements[i]) ? (null, true) : (live[i], false);
        }

        var shared = new Queue<PathElement>(appliedElements.Where(liveByElement.ContainsKey));
        var nextShared = shared.Count > 0 ? shared.Dequeue() : null;
        var merged = new HashSet<PathElement>();
        var result = new JsonArray();
        int l = 0, r = 0;
        while (l < live.Count || r < configuration.Count)
        {
            if (l < live.Count && r < configuration.Count)
            {
                var element = liveElements[l];
                if (element.Equals(appliedElements[r]))
                {
                    merged.Add(element);
                    result.Add(MergeItem(liveByElement[element], configuration[r], itemCursor));
                    l++;
                    r++;
                    nextShared = shared.Count > 0 ? shared.Dequeue() : null;
                    continue;
                }

                if (applied.ContainsKey(element) && nextShared is not null && !nextShared.Equals(element))
                {
                    // A shared item the configuration places later: it is emitted when the configuration reaches it.
                    l++;
                    continue;
                }
            }

            if (l < live.Count)
            {
                var element = liveElements[l];
                if (!applied.ContainsKey(element))
                {
                    result.Add(live[l]?.DeepClone());
                    l++;
                    continue;
                }

                if (merged.Contains(element))
                {
                    l++;
                    continue;
                }
            }

            if (r < configuration.Count)
            {
                var element = appliedElements[r];
                merged.Add(element);
                result.Add(liveByElement.TryGetValue(element, out var counterpart)
                    ? MergeItem(counterpart, configuration[r], itemCursor)
                    : configuration[r]?.DeepClone());
                r++;
                if (element.Equals(nextShared))
                {
                    nextShared = shared.Count > 0 ? shared.Dequeue() : null;
                }
            }
            else
            {
                l++;
            }
        }

        return result;
    }

    private static JsonNode? MergeItem((JsonNode? Item, bool Duplicated) live, JsonNode? applied, SchemaCursor itemCursor) =>
        live.Duplicated ? applied?.DeepClone() : MergeValues(live.Item, applied, itemCursor);
}
