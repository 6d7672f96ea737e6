using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>Source-generated serialization for every kube-bind.io/v1alpha2 kind, its list and the HTTP-only types; use it through <see cref="ApiJson"/>.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ApiServiceExportRequest))]
[JsonSerializable(typeof(ApiServiceExport))]
[JsonSerializable(typeof(BoundSchema))]
[JsonSerializable(typeof(ApiServiceNamespace))]
[JsonSerializable(typeof(ClusterBinding))]
[JsonSerializable(typeof(ApiServiceExportTemplate))]
[JsonSerializable(typeof(Collection))]
[JsonSerializable(typeof(Cluster))]
[JsonSerializable(typeof(ApiServiceBinding))]
[JsonSerializable(typeof(BindableResourcesRequest))]
[JsonSerializable(typeof(ApiServiceBindingBundle))]
[JsonSerializable(typeof(ApiServiceExportRequestList))]
[JsonSerializable(typeof(ApiServiceExportList))]
[JsonSerializable(typeof(BoundSchemaList))]
[JsonSerializable(typeof(ApiServiceNamespaceList))]
[JsonSerializable(typeof(ClusterBindingList))]
[JsonSerializable(typeof(ApiServiceExportTemplateList))]
[JsonSerializable(typeof(CollectionList))]
[JsonSerializable(typeof(ClusterList))]
[JsonSerializable(typeof(ApiServiceBindingList))]
[JsonSerializable(typeof(BindableResourcesRequestList))]
[JsonSerializable(typeof(ApiServiceBindingBundleList))]
[JsonSerializable(typeof(BindingProvider))]
[JsonSerializable(typeof(BindingResourceResponse))]
[JsonSerializable(typeof(ApiServiceExportRequestResponse))]
[JsonSerializable(typeof(ErrorResponse))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
