namespace KubeBind.DevApiServer.Apply;

/// <summary>SMD's EnsureNamedFieldsAreMembers: declared fields with owned descendants count as owned themselves.</summary>
/// <remarks>Pruning uses it so that a struct whose last owned field is released goes away whole, while maps keyed by data stay.</remarks>
internal static class NamedFields
{
    /// <summary>Returns the set plus every declared field that has paths below it.</summary>
    public static FieldSet Expand(FieldSet set, ApplySchema schema)
    {
        var result = set.Clone();
        Walk(set, schema.Root, [], result);
        return result;
    }

    private static void Walk(FieldSet node, SchemaCursor cursor, List<PathElement> path, FieldSet result)
    {
        foreach (var (element, child) in node.Children)
        {
            var isField = element.Kind == PathElementKind.Field;
            path.Add(element);
            if (isField && cursor.IsNamedField(element.FieldName!))
            {
                result.Insert(path);
            }

            Walk(child, isField ? cursor.Field(element.FieldName!) : cursor.Item(), path, result);
            path.RemoveAt(path.Count - 1);
        }
    }
}
