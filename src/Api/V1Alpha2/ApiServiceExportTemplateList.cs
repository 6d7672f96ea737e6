namespace KubeBind.Api.V1Alpha2;

/// <summary>A list of APIServiceExportTemplates (<c>APIServiceExportTemplateList</c>).</summary>
public sealed record ApiServiceExportTemplateList() : ObjectList<ApiServiceExportTemplate>(KindName)
{
    /// <summary>The kind on the wire.</summary>
    public const string KindName = ApiServiceExportTemplate.KindName + "List";
}
