using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Kubernetes.Models;

/// <summary>meta/v1 ObjectMeta for typed objects; fields this record does not name survive round trips in <see cref="Extra"/>.</summary>
public sealed record ObjectMeta
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("generateName")]
    public string? GenerateName { get; init; }

    [JsonPropertyName("namespace")]
    public string? Namespace { get; init; }

    [JsonPropertyName("uid")]
    public string? Uid { get; init; }

    [JsonPropertyName("resourceVersion")]
    public string? ResourceVersion { get; init; }

    [JsonPropertyName("generation")]
    public long? Generation { get; init; }

    [JsonPropertyName("creationTimestamp")]
    [JsonConverter(typeof(TimeJsonConverter))]
    public DateTimeOffset? CreationTimestamp { get; init; }

    [JsonPropertyName("deletionTimestamp")]
    [JsonConverter(typeof(TimeJsonConverter))]
    public DateTimeOffset? DeletionTimestamp { get; init; }

    [JsonPropertyName("labels")]
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    [JsonPropertyName("annotations")]
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    [JsonPropertyName("ownerReferences")]
    public IReadOnlyList<OwnerReference>? OwnerReferences { get; init; }

    [JsonPropertyName("finalizers")]
    public IReadOnlyList<string>? Finalizers { get; init; }

    /// <summary>managedFields and anything else, kept verbatim.</summary>
    // A setter, not init: source-generated serializers bind init properties like constructor parameters, which
    // extension data cannot be.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
