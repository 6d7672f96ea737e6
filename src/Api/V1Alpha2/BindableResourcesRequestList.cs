namespace KubeBind.Api.V1Alpha2;

/// <summary>A list of BindableResourcesRequests (<c>BindableResourcesRequestList</c>).</summary>
public sealed record BindableResourcesRequestList() : ObjectList<BindableResourcesRequest>(KindName)
{
    /// <summary>The kind on the wire.</summary>
    public const string KindName = BindableResourcesRequest.KindName + "List";
}
