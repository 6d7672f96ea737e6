using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>One version of a bound schema.</summary>
public sealed record ApiResourceVersion
{
    /// <summary>The version name, e.g. <c>v1</c>.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>Whether the version is served.</summary>
    [JsonPropertyName("served")]
    public bool Served { get; init; }

    /// <summary>Whether this is the storage version.</summary>
    [JsonPropertyName("storage")]
    public bool Storage { get; init; }

    /// <summary>Whether the version is deprecated.</summary>
    [JsonPropertyName("deprecated")]
    public bool? Deprecated { get; init; }

    /// <summary>The warning sent to clients.</summary>
    [JsonPropertyName("deprecationWarning")]
    public string? DeprecationWarning { get; init; }

    /// <summary>The schema, <c>{"openAPIV3Schema": …}</c> or bare, kept verbatim.</summary>
    [JsonPropertyName("schema")]
    public JsonElement? Schema { get; init; }

    /// <summary>Status and scale subresources.</summary>
    [JsonPropertyName("subresources")]
    public CustomResourceSubresources? Subresources { get; init; }

    /// <summary>Printer columns.</summary>
    [JsonPropertyName("additionalPrinterColumns")]
    public IReadOnlyList<CustomResourceColumnDefinition> AdditionalPrinterColumns { get; init; } = [];

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
