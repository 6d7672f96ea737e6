using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>A conversion webhook.</summary>
public sealed record WebhookConversion
{
    /// <summary>How to call the webhook.</summary>
    [JsonPropertyName("clientConfig")]
    public WebhookClientConfig? ClientConfig { get; init; }

    /// <summary>Accepted ConversionReview versions.</summary>
    [JsonPropertyName("conversionReviewVersions")]
    public IReadOnlyList<string> ConversionReviewVersions { get; init; } = [];

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
