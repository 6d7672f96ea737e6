namespace KubeBind.Api.V1Alpha2;

/// <summary>A list of APIServiceExports (<c>APIServiceExportList</c>).</summary>
public sealed record ApiServiceExportList() : ObjectList<ApiServiceExport>(KindName)
{
    /// <summary>The kind on the wire.</summary>
    public const string KindName = ApiServiceExport.KindName + "List";
}
