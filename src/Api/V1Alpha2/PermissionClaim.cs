using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>A claim on consumer objects of a claimable API, narrowed by a selector.</summary>
public sealed record PermissionClaim
{
    /// <summary>The API group; empty or absent for the core group.</summary>
    [JsonPropertyName("group")]
    public string? Group { get; init; }

    /// <summary>The plural resource name.</summary>
    [JsonPropertyName("resource")]
    public string Resource { get; init; } = "";

    /// <summary>Which objects are claimed; selectors are ANDed.</summary>
    [JsonPropertyName("selector")]
    public PermissionClaimSelector Selector { get; init; } = new();

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
