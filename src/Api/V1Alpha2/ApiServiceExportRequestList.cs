namespace KubeBind.Api.V1Alpha2;

/// <summary>A list of APIServiceExportRequests (<c>APIServiceExportRequestList</c>).</summary>
public sealed record ApiServiceExportRequestList() : ObjectList<ApiServiceExportRequest>(KindName)
{
    /// <summary>The kind on the wire.</summary>
    public const string KindName = ApiServiceExportRequest.KindName + "List";
}
