using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>Object metadata reduced to the name, so responses carry no server-side fields.</summary>
public sealed record NameObjectMeta
{
    /// <summary>The object name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
