using System.Collections.Immutable;

namespace KubeBind.DevApiServer.Patching;

/// <summary>
/// Where a field sits and how strategic merge patch treats it. Paths are field names from the root with list items
/// transparent, e.g. <c>metadata.ownerReferences</c> or <c>spec.template.spec.containers</c>. Instances are immutable.
/// </summary>
internal sealed class StrategicPatchSchema
{
    private readonly ImmutableDictionary<string, StrategicPatchField> _fields;

    private StrategicPatchSchema(ImmutableDictionary<string, StrategicPatchField> fields)
    {
        _fields = fields;
        Root = StrategicPatchSchemaNode.Build(fields.Select(f => KeyValuePair.Create(f.Key.Split('.'), f.Value)));
    }

    /// <summary>Every map merges recursively and every list is replaced, as JSON merge patch does.</summary>
    public static StrategicPatchSchema Empty { get; } =
        new(ImmutableDictionary.Create<string, StrategicPatchField>(StringComparer.Ordinal));

    /// <summary>The tree the patch walks alongside the document.</summary>
    internal StrategicPatchSchemaNode Root { get; }

    /// <summary>A list of objects merged by <paramref name="mergeKey"/> (patchStrategy merge, patchMergeKey).</summary>
    public StrategicPatchSchema MergeList(string path, string mergeKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(mergeKey);
        return With(path, field => field with { MergeKey = mergeKey, MergesPrimitives = false });
    }

    /// <summary>A list of scalars merged as a set (patchStrategy merge).</summary>
    public StrategicPatchSchema MergePrimitiveList(string path) =>
        With(path, field => field with { MergeKey = null, MergesPrimitives = true });

    /// <summary>A map with patchStrategy retainKeys (may be combined with a merge list, as Pod volumes are).</summary>
    public StrategicPatchSchema RetainKeys(string path) =>
        With(path, field => field with { RetainsKeys = true });

    /// <summary>The metadata declared for <paramref name="path"/>, or <see cref="StrategicPatchField.Default"/>.</summary>
    public StrategicPatchField Find(string path) => _fields.GetValueOrDefault(path, StrategicPatchField.Default);

    private StrategicPatchSchema With(string path, Func<StrategicPatchField, StrategicPatchField> change)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path.Split('.').Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException($"schema path \"{path}\" has an empty field name", nameof(path));
        }

        return new StrategicPatchSchema(_fields.SetItem(path, change(Find(path))));
    }
}
