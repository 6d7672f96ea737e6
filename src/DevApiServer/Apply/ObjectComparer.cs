using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Json;

namespace KubeBind.DevApiServer.Apply;

/// <summary>Compares two versions of an object field by field (SMD's typed Compare).</summary>
internal static class ObjectComparer
{
    /// <summary>Compares <paramref name="before"/> (null when the object is new) with <paramref name="after"/>.</summary>
    public static Comparison Compare(JsonObject? before, JsonObject after, ApplySchema schema)
    {
        var comparison = new Comparison(new FieldSet(), new FieldSet(), new FieldSet());
        Walk(before, before is not null, after, true, schema.Root, [], comparison);
        return comparison;
    }

    private static void Walk(JsonNode? left, bool hasLeft, JsonNode? right, bool hasRight, SchemaCursor cursor, List<PathElement> path, Comparison comparison)
    {
        if (!hasLeft)
        {
            AddAll(right, cursor, path, comparison.Added);
            return;
        }

        if (!hasRight)
        {
            AddAll(left, cursor, path, comparison.Removed);
            return;
        }

        var leftShape = cursor.ShapeOf(left);
        var rightShape = cursor.ShapeOf(right);
        if (leftShape == ValueShape.Untracked)
        {
            return;
        }

        if (leftShape != rightShape)
        {
            // A value that changed kind (null to map, scalar to list) is removed and added, as SMD does.
            AddAll(left, cursor, path, comparison.Removed);
            AddAll(right, cursor, path, comparison.Added);
            return;
        }

        switch (leftShape)
        {
            case ValueShape.Map:
                WalkMaps((JsonObject)left!, (JsonObject)right!, cursor, path, comparison);
                return;
            case ValueShape.SetList or ValueShape.AssociativeList:
                WalkLists((JsonArray)left!, (JsonArray)right!, leftShape, cursor, path, comparison);
                return;
            default:
                if (!JsonEquality.DeepEquals(left, right))
                {
                    comparison.Modified.Insert(path);
                }

                return;
        }
    }

    private static void WalkMaps(JsonObject left, JsonObject right, SchemaCursor cursor, List<PathElement> path, Comparison comparison)
    {
        foreach (var (name, value) in left)
        {
            var hasRight = right.TryGetPropertyValue(name, out var other);
            path.Add(PathElement.ForField(name));
            Walk(value, true, other, hasRight, cursor.Field(name), path, comparison);
            path.RemoveAt(path.Count - 1);
        }

        foreach (var (name, value) in right)
        {
            if (!left.ContainsKey(name))
            {
                path.Add(PathElement.ForField(name));
                Walk(null, false, value, true, cursor.Field(name), path, comparison);
                path.RemoveAt(path.Count - 1);
            }
        }
    }

    private static void WalkLists(JsonArray left, JsonArray right, ValueShape shape, SchemaCursor cursor, List<PathElement> path, Comparison comparison)
    {
        var leftItems = Group(left, shape, cursor.Keys);
        var rightItems = Group(right, shape, cursor.Keys);
        var itemCursor = cursor.Item();
        foreach (var (element, leftGroup) in leftItems)
        {
            path.Add(element);
            if (!rightItems.TryGetValue(element, out var rightGroup))
            {
                foreach (var item in leftGroup)
                {
                    AddAll(item, itemCursor, path, comparison.Removed);
                }
            }
            else if (leftGroup.Count == 1 && rightGroup.Count == 1)
            {
                Walk(leftGroup[0], true, rightGroup[0], true, itemCursor, path, comparison);
            }
            else if (leftGroup.Count != rightGroup.Count || leftGroup.Zip(rightGroup).Any(p => !JsonEquality.DeepEquals(p.First, p.Second)))
            {
                // Duplicated keys (only tolerated in stored objects) are compared as a whole, like an atomic value.
                comparison.Modified.Insert(path);
            }

            path.RemoveAt(path.Count - 1);
        }

        foreach (var (element, rightGroup) in rightItems)
        {
            if (!leftItems.ContainsKey(element))
            {
                path.Add(element);
                foreach (var item in rightGroup)
                {
                    AddAll(item, itemCursor, path, comparison.Added);
                }

                path.RemoveAt(path.Count - 1);
            }
        }
    }

    private static Dictionary<PathElement, List<JsonNode?>> Group(JsonArray list, ValueShape shape, IReadOnlyList<string> keys)
    {
        var groups = new Dictionary<PathElement, List<JsonNode?>>();
        var elements = ListItems.LenientElements(list, shape, keys);
        for (var i = 0; i < list.Count; i++)
        {
            if (!groups.TryGetValue(elements[i], out var group))
            {
                group = [];
                groups[elements[i]] = group;
            }

            group.Add(list[i]);
        }

        return groups;
    }

    /// <summary>Adds a whole value: its own path when it is a leaf, a granular map or a list, then everything below.</summary>
    private static void AddAll(JsonNode? value, SchemaCursor cursor, List<PathElement> path, FieldSet set)
    {
        var shape = cursor.ShapeOf(value);
        if (shape == ValueShape.Untracked)
        {
            return;
        }

        set.Insert(path);
        switch (shape)
        {
            case ValueShape.Map:
                foreach (var (name, child) in (JsonObject)value!)
                {
                    path.Add(PathElement.ForField(name));
                    AddAll(child, cursor.Field(name), path, set);
                    path.RemoveAt(path.Count - 1);
                }

                return;
            case ValueShape.SetList or ValueShape.AssociativeList:
                var list = (JsonArray)value!;
                var elements = ListItems.LenientElements(list, shape, cursor.Keys);
                var itemCursor = cursor.Item();
                for (var i = 0; i < list.Count; i++)
                {
                    path.Add(elements[i]);
                    AddAll(list[i], itemCursor, path, set);
                    path.RemoveAt(path.Count - 1);
                }

                return;
            default:
                return;
        }
    }
}
