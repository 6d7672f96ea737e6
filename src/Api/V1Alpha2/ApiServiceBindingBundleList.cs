namespace KubeBind.Api.V1Alpha2;

/// <summary>A list of APIServiceBindingBundles (<c>APIServiceBindingBundleList</c>).</summary>
public sealed record ApiServiceBindingBundleList() : ObjectList<ApiServiceBindingBundle>(KindName)
{
    /// <summary>The kind on the wire.</summary>
    public const string KindName = ApiServiceBindingBundle.KindName + "List";
}
