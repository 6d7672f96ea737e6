namespace KubeBind.Api.V1Alpha2;

/// <summary>A list of APIServiceBindings (<c>APIServiceBindingList</c>).</summary>
public sealed record ApiServiceBindingList() : ObjectList<ApiServiceBinding>(KindName)
{
    /// <summary>The kind on the wire.</summary>
    public const string KindName = ApiServiceBinding.KindName + "List";
}
