using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>How a bound schema converts between versions.</summary>
public sealed record CustomResourceConversion
{
    /// <summary><c>None</c> or <c>Webhook</c>.</summary>
    [JsonPropertyName("strategy")]
    public string Strategy { get; init; } = "";

    /// <summary>The conversion webhook when the strategy is Webhook.</summary>
    [JsonPropertyName("webhook")]
    public WebhookConversion? Webhook { get; init; }

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
