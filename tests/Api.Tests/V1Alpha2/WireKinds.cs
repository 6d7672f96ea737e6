using KubeBind.Api.V1Alpha2;

namespace KubeBind.Api.Tests.V1Alpha2;

/// <summary>Round-trips JSON through the typed record of each v1alpha2 kind, list and HTTP-only type.</summary>
internal static class WireKinds
{
    private static readonly Dictionary<string, Func<string, string>> RoundTrips = new()
    {
        [ApiServiceExportRequest.KindName] = RoundTrip<ApiServiceExportRequest>,
        [ApiServiceExport.KindName] = RoundTrip<ApiServiceExport>,
        [BoundSchema.KindName] = RoundTrip<BoundSchema>,
        [ApiServiceNamespace.KindName] = RoundTrip<ApiServiceNamespace>,
        [ClusterBinding.KindName] = RoundTrip<ClusterBinding>,
        [ApiServiceExportTemplate.KindName] = RoundTrip<ApiServiceExportTemplate>,
        [Collection.KindName] = RoundTrip<Collection>,
        [Cluster.KindName] = RoundTrip<Cluster>,
        [ApiServiceBinding.KindName] = RoundTrip<ApiServiceBinding>,
        [BindableResourcesRequest.KindName] = RoundTrip<BindableResourcesRequest>,
        [ApiServiceBindingBundle.KindName] = RoundTrip<ApiServiceBindingBundle>,
        [ApiServiceExportRequestList.KindName] = RoundTrip<ApiServiceExportRequestList>,
        [ApiServiceExportList.KindName] = RoundTrip<ApiServiceExportList>,
        [BoundSchemaList.KindName] = RoundTrip<BoundSchemaList>,
        [ApiServiceNamespaceList.KindName] = RoundTrip<ApiServiceNamespaceList>,
        [ClusterBindingList.KindName] = RoundTrip<ClusterBindingList>,
        [ApiServiceExportTemplateList.KindName] = RoundTrip<ApiServiceExportTemplateList>,
        [CollectionList.KindName] = RoundTrip<CollectionList>,
        [ClusterList.KindName] = RoundTrip<ClusterList>,
        [ApiServiceBindingList.KindName] = RoundTrip<ApiServiceBindingList>,
        [BindableResourcesRequestList.KindName] = RoundTrip<BindableResourcesRequestList>,
        [ApiServiceBindingBundleList.KindName] = RoundTrip<ApiServiceBindingBundleList>,
        [BindingProvider.KindName] = RoundTrip<BindingProvider>,
        [BindingResourceResponse.KindName] = RoundTrip<BindingResourceResponse>,
        [BindingResourceResponse.HttpKindName] = RoundTrip<BindingResourceResponse>,
        [ErrorResponse.KindName] = RoundTrip<ErrorResponse>,
    };

    public static bool IsKnown(string kind) => RoundTrips.ContainsKey(kind);

    public static string RoundTrip(string kind, string json) => RoundTrips[kind](json);

    private static string RoundTrip<T>(string json)
        where T : class
    {
        var value = ApiJson.Deserialize<T>(json) ?? throw new InvalidOperationException("deserialized to null");
        return ApiJson.Serialize(value);
    }
}
