using System.Text.Json.Nodes;

namespace KubeBind.DevApiServer.Apply;

/// <summary>Removes the values at the member paths of a field set from an object (SMD's RemoveItems), returning a copy.</summary>
internal static class ObjectPruner
{
    /// <summary>Removes each member path with everything below it; untracked data and the root's metadata always stay.</summary>
    public static JsonObject Remove(JsonObject value, FieldSet paths, ApplySchema schema) =>
        (JsonObject)RemoveFrom(value, paths, schema.Root, isRoot: true)!;

    private static JsonNode? RemoveFrom(JsonNode? value, FieldSet paths, SchemaCursor cursor, bool isRoot)
    {
        var shape = cursor.ShapeOf(value);
        switch (shape)
        {
            case ValueShape.Map:
                var map = new JsonObject();
                foreach (var (name, child) in (JsonObject)value!)
                {
                    var element = PathElement.ForField(name);
                    var childCursor = cursor.Field(name);
                    if (childCursor.ShapeOf(child) == ValueShape.Untracked)
                    {
                        map[name] = child?.DeepClone();
                        continue;
                    }

                    // Apply configurations always name the object, so SMD never prunes metadata itself.
                    if (paths.HasMember(element) && !(isRoot && name == "metadata"))
                    {
                        continue;
                    }

                    var below = paths.ChildOf(element);
                    map[name] = below is null ? child?.DeepClone() : RemoveFrom(child, below, childCursor, isRoot: false);
                }

                return map;
            case ValueShape.SetList or ValueShape.AssociativeList:
                var list = (JsonArray)value!;
                var elements = ListItems.LenientElements(list, shape, cursor.Keys);
                var itemCursor = cursor.Item();
                var result = new JsonArray();
                for (var i = 0; i < list.Count; i++)
                {
                    if (paths.HasMember(elements[i]))
                    {
                        continue;
                    }

                    var below = paths.ChildOf(elements[i]);
                    result.Add(below is null ? list[i]?.DeepClone() : RemoveFrom(list[i], below, itemCursor, isRoot: false));
                }

                return result;
            default:
                return value?.DeepClone();
        }
    }
}
