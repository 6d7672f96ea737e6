using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Kubernetes.Models;

/// <summary>A coordination.k8s.io/v1 Lease; fields this record does not name survive round trips in <see cref="Extra"/>.</summary>
public sealed record Lease
{
    /// <summary>The resource to pass to <see cref="KubernetesClient.Resource{T}"/> for leases.</summary>
    public static GroupVersionResource Resource { get; } = new("coordination.k8s.io", "v1", "leases");

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; init; } = "coordination.k8s.io/v1";

    [JsonPropertyName("kind")]
    public string Kind { get; init; } = "Lease";

    [JsonPropertyName("metadata")]
    public ObjectMeta Metadata { get; init; } = new();

    [JsonPropertyName("spec")]
    public LeaseSpec? Spec { get; init; }

    /// <summary>Fields this record does not name, kept verbatim.</summary>
    // A setter, not init: source-generated serializers bind init properties like constructor parameters, which
    // extension data cannot be.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
