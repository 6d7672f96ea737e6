using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>Selects claimed objects by name, labels or references (upstream Selector).</summary>
public sealed record PermissionClaimSelector
{
    /// <summary>Objects selected by name.</summary>
    [JsonPropertyName("namedResources")]
    public IReadOnlyList<NamedResource> NamedResources { get; init; } = [];

    /// <summary>Objects selected by labels.</summary>
    [JsonPropertyName("labelSelector")]
    public LabelSelector? LabelSelector { get; init; }

    /// <summary>Objects referenced from fields of bound objects.</summary>
    [JsonPropertyName("references")]
    public IReadOnlyList<SelectorReference> References { get; init; } = [];

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
