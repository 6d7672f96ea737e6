using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>A consumer cluster identity.</summary>
public sealed record ClusterIdentity
{
    /// <summary>Unique consumer identity.</summary>
    [JsonPropertyName("identity")]
    public string? Identity { get; init; }

    /// <summary>Display name of the consumer cluster.</summary>
    [JsonPropertyName("prettyName")]
    public string? PrettyName { get; init; }

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
