namespace KubeBind.DevApiServer.Patching;

/// <summary>The patch metadata of one field, as Kubernetes declares it with patchStrategy and patchMergeKey tags.</summary>
/// <param name="MergeKey">For a list of objects merged by key (patchStrategy merge), the patchMergeKey.</param>
/// <param name="MergesPrimitives">For a list of scalars merged as a set (patchStrategy merge).</param>
/// <param name="RetainsKeys">patchStrategy retainKeys: kubectl sends <c>$retainKeys</c> for this map.</param>
internal sealed record StrategicPatchField(string? MergeKey, bool MergesPrimitives, bool RetainsKeys)
{
    /// <summary>The default: maps merge, lists are replaced.</summary>
    public static StrategicPatchField Default { get; } = new(null, false, false);

    /// <summary>Whether the list at this field is merged rather than replaced.</summary>
    public bool IsMergeList => MergeKey is not null || MergesPrimitives;
}
