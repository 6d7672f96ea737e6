using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>apiextensions/v1 CustomResourceDefinitionNames.</summary>
public sealed record CustomResourceDefinitionNames
{
    /// <summary>The plural resource name.</summary>
    [JsonPropertyName("plural")]
    public string Plural { get; init; } = "";

    /// <summary>The singular name.</summary>
    [JsonPropertyName("singular")]
    public string? Singular { get; init; }

    /// <summary>Short names.</summary>
    [JsonPropertyName("shortNames")]
    public IReadOnlyList<string> ShortNames { get; init; } = [];

    /// <summary>The kind.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; init; } = "";

    /// <summary>The list kind.</summary>
    [JsonPropertyName("listKind")]
    public string? ListKind { get; init; }

    /// <summary>Categories such as <c>all</c>.</summary>
    [JsonPropertyName("categories")]
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
