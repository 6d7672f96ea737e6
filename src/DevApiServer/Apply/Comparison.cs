namespace KubeBind.DevApiServer.Apply;

/// <summary>The difference between two versions of an object, as field sets (SMD's typed.Comparison).</summary>
/// <param name="Added">Paths present only in the new version; a granular map or list that appears is added with its contents.</param>
/// <param name="Removed">Paths present only in the old version.</param>
/// <param name="Modified">Leaf paths whose value changed.</param>
internal sealed record Comparison(FieldSet Added, FieldSet Removed, FieldSet Modified)
{
    /// <summary>Gets a value indicating whether nothing tracked changed.</summary>
    public bool IsSame => Added.IsEmpty && Removed.IsEmpty && Modified.IsEmpty;

    /// <summary>Returns the paths the write set: added or modified.</summary>
    public FieldSet Changed() => Added.Union(Modified);

    /// <summary>Returns the comparison without paths at or below the ignored ones.</summary>
    public Comparison Without(FieldSet ignored) =>
        new(Added.RecursiveDifference(ignored), Removed.RecursiveDifference(ignored), Modified.RecursiveDifference(ignored));
}
