using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>apiextensions/v1 CustomResourceSubresources.</summary>
public sealed record CustomResourceSubresources
{
    /// <summary>Present (as <c>{}</c>) when the status subresource is enabled.</summary>
    [JsonPropertyName("status")]
    public JsonElement? Status { get; init; }

    /// <summary>The scale subresource.</summary>
    [JsonPropertyName("scale")]
    public CustomResourceSubresourceScale? Scale { get; init; }

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
