using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>A conversion webhook URL and CA bundle.</summary>
public sealed record WebhookClientConfig
{
    /// <summary>The webhook URL.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>PEM CA bundle, base64 on the wire.</summary>
    [JsonPropertyName("caBundle")]
    public byte[]? CaBundle { get; init; }

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
