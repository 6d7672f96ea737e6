using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>A key in a secret in a named namespace.</summary>
public sealed record ClusterSecretKeyRef
{
    /// <summary>The secret name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>The key within the secret data.</summary>
    [JsonPropertyName("key")]
    public string Key { get; init; } = "";

    /// <summary>The secret namespace.</summary>
    [JsonPropertyName("namespace")]
    public string Namespace { get; init; } = "";

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
