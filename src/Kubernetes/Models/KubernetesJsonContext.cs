using System.Text.Json.Serialization;

namespace KubeBind.Kubernetes.Models;

/// <summary>Source-generated serialization for the library's own types (usable from other contexts' type graphs).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Status))]
[JsonSerializable(typeof(ObjectMeta))]
[JsonSerializable(typeof(Lease))]
public sealed partial class KubernetesJsonContext : JsonSerializerContext;
