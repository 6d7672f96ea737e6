using System.Text.Json.Nodes;

namespace KubeBind.DevApiServer.Apply;

/// <summary>Identifies the items of set and associative lists by path element.</summary>
internal static class ListItems
{
    /// <summary>Returns the element naming an item, or null when an associative item lacks a key field.</summary>
    public static PathElement? ElementOf(JsonNode? item, ValueShape listShape, IReadOnlyList<string> keys)
    {
        if (listShape == ValueShape.SetList)
        {
            return PathElement.ForValue(item);
        }

        if (item is not JsonObject map)
        {
            return null;
        }

        var fields = new List<KeyValuePair<string, JsonNode?>>(keys.Count);
        foreach (var key in keys)
        {
            if (!map.TryGetPropertyValue(key, out var value))
            {
                return null;
            }

            fields.Add(new KeyValuePair<string, JsonNode?>(key, value));
        }

        return PathElement.ForKey(fields);
    }

    /// <summary>Returns the element of each item, falling back to its index for stored items that lack a key.</summary>
    public static List<PathElement> LenientElements(JsonArray list, ValueShape listShape, IReadOnlyList<string> keys)
    {
        var elements = new List<PathElement>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            elements.Add(ElementOf(list[i], listShape, keys) ?? PathElement.ForIndex(i));
        }

        return elements;
    }
}
