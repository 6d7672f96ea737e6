using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>The informer scope plus the CRD-like spec of a bound schema.</summary>
public sealed record BoundSchemaSpec
{
    /// <summary><c>Cluster</c> or <c>Namespaced</c>.</summary>
    [JsonPropertyName("informerScope")]
    public string InformerScope { get; init; } = "";

    /// <summary>The API group.</summary>
    [JsonPropertyName("group")]
    public string Group { get; init; } = "";

    /// <summary>The resource names.</summary>
    [JsonPropertyName("names")]
    public CustomResourceDefinitionNames Names { get; init; } = new();

    /// <summary><c>Cluster</c> or <c>Namespaced</c> as the consumer sees it.</summary>
    [JsonPropertyName("scope")]
    public string Scope { get; init; } = "";

    /// <summary>The versions; at least one.</summary>
    [JsonPropertyName("versions")]
    public IReadOnlyList<ApiResourceVersion> Versions { get; init; } = [];

    /// <summary>How versions convert.</summary>
    [JsonPropertyName("conversion")]
    public CustomResourceConversion? Conversion { get; init; }

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
