namespace KubeBind.Api.V1Alpha2;

/// <summary>A list of BoundSchemas (<c>BoundSchemaList</c>).</summary>
public sealed record BoundSchemaList() : ObjectList<BoundSchema>(KindName)
{
    /// <summary>The kind on the wire.</summary>
    public const string KindName = BoundSchema.KindName + "List";
}
