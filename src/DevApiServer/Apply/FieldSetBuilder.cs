using System.Text.Json;
using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Json;

namespace KubeBind.DevApiServer.Apply;

/// <summary>Computes the field set an apply configuration claims (SMD's ToFieldSet).</summary>
internal static class FieldSetBuilder
{
    /// <summary>Returns every leaf and every item of a granular list in the configuration; granular maps own nothing themselves.</summary>
    /// <exception cref="ApplyRequestException">A list item lacks a key field or is duplicated.</exception>
    public static FieldSet FromConfiguration(JsonObject configuration, ApplySchema schema)
    {
        var set = new FieldSet();
        Walk(configuration, schema.Root, [], set);
        return set;
    }

    private static void Walk(JsonNode? value, SchemaCursor cursor, List<PathElement> path, FieldSet set)
    {
        if (cursor.IsDeclaredGranular && JsonValues.KindOf(value) == JsonValueKind.Null)
        {
            return;
        }

        var shape = cursor.ShapeOf(value);
        switch (shape)
        {
            case ValueShape.Untracked:
                return;
            case ValueShape.Map:
                foreach (var (name, child) in (JsonObject)value!)
                {
                    path.Add(PathElement.ForField(name));
                    Walk(child, cursor.Field(name), path, set);
                    path.RemoveAt(path.Count - 1);
                }

                return;
            case ValueShape.SetList or ValueShape.AssociativeList:
                var seen = new HashSet<PathElement>();
                var items = (JsonArray)value!;
                var itemCursor = cursor.Item();
                for (var i = 0; i < items.Count; i++)
                {
                    var element = ListItems.ElementOf(items[i], shape, cursor.Keys) ?? throw new ApplyRequestException(
                        $"{new FieldPath(path)}: element {i}: associative list with keys has an element that omits key field(s) {string.Join(", ", cursor.Keys.Select(GoText.Quote))}");
                    if (!seen.Add(element))
                    {
                        throw new ApplyRequestException($"{new FieldPath(path)}: duplicate entries for key {element}");
                    }

                    path.Add(element);
                    set.Insert(path);
                    if (shape == ValueShape.AssociativeList)
                    {
                        Walk(items[i], itemCursor, path, set);
                    }

                    path.RemoveAt(path.Count - 1);
                }

                return;
            default:
                set.Insert(path);
                return;
        }
    }
}
