using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>apiextensions/v1 CustomResourceColumnDefinition.</summary>
public sealed record CustomResourceColumnDefinition
{
    /// <summary>The column name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>The OpenAPI type.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "";

    /// <summary>The OpenAPI format.</summary>
    [JsonPropertyName("format")]
    public string? Format { get; init; }

    /// <summary>The column description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The column priority.</summary>
    [JsonPropertyName("priority")]
    public int? Priority { get; init; }

    /// <summary>The JSON path of the value.</summary>
    [JsonPropertyName("jsonPath")]
    public string JsonPath { get; init; } = "";

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
