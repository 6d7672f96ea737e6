using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>A group and plural resource name (empty group = core).</summary>
public sealed record GroupResource
{
    /// <summary>The API group; empty or absent for the core group.</summary>
    [JsonPropertyName("group")]
    public string? Group { get; init; }

    /// <summary>The plural resource name.</summary>
    [JsonPropertyName("resource")]
    public string Resource { get; init; } = "";

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
