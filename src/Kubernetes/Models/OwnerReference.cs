using System.Text.Json.Serialization;

namespace KubeBind.Kubernetes.Models;

/// <summary>meta/v1 OwnerReference: the owner whose deletion garbage-collects this object.</summary>
public sealed record OwnerReference
{
    [JsonPropertyName("apiVersion")]
    public required string ApiVersion { get; init; }

    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("uid")]
    public required string Uid { get; init; }

    [JsonPropertyName("controller")]
    public bool? Controller { get; init; }

    [JsonPropertyName("blockOwnerDeletion")]
    public bool? BlockOwnerDeletion { get; init; }
}
