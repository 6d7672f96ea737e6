using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>meta/v1 LabelSelectorRequirement.</summary>
public sealed record LabelSelectorRequirement
{
    /// <summary>The label key.</summary>
    [JsonPropertyName("key")]
    public string Key { get; init; } = "";

    /// <summary>In, NotIn, Exists or DoesNotExist.</summary>
    [JsonPropertyName("operator")]
    public string Operator { get; init; } = "";

    /// <summary>The values for In and NotIn.</summary>
    [JsonPropertyName("values")]
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
