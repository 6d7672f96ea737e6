using System.Text.Json;
using System.Text.Json.Serialization;
using KubeBind.Kubernetes.Models;

namespace KubeBind.Kubernetes.Tests.Rest;

/// <summary>A typed ConfigMap as a host would declare one of its own types: named fields plus everything else kept.</summary>
public sealed record TypedConfigMap
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; init; } = "v1";

    [JsonPropertyName("kind")]
    public string Kind { get; init; } = "ConfigMap";

    [JsonPropertyName("metadata")]
    public ObjectMeta Metadata { get; init; } = new();

    [JsonPropertyName("data")]
    public IReadOnlyDictionary<string, string>? Data { get; init; }

    // A setter, not init: source-generated serializers bind init properties like constructor parameters, which
    // extension data cannot be.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
