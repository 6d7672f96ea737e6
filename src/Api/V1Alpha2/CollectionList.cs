namespace KubeBind.Api.V1Alpha2;

/// <summary>A list of Collections (<c>CollectionList</c>).</summary>
public sealed record CollectionList() : ObjectList<Collection>(KindName)
{
    /// <summary>The kind on the wire.</summary>
    public const string KindName = Collection.KindName + "List";
}
