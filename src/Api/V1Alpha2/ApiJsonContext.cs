using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>Source-generated serialization for every kube-bind.io/v1alpha2 kind; use it through <see cref="ApiJson"/>.</summary>
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
public sealed partial class ApiJsonContext : JsonSerializerContext;
