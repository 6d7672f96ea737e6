using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>Selects objects referenced by a JSON path in bound objects.</summary>
public sealed record SelectorReference
{
    /// <summary>The API group; empty or absent for the core group.</summary>
    [JsonPropertyName("group")]
    public string? Group { get; init; }

    /// <summary>The plural resource name.</summary>
    [JsonPropertyName("resource")]
    public string Resource { get; init; } = "";

    /// <summary>The versions of the referencing resource.</summary>
    [JsonPropertyName("versions")]
    public IReadOnlyList<string> Versions { get; init; } = [];

    /// <summary>Where the referenced name and namespace are found.</summary>
    [JsonPropertyName("jsonPath")]
    public JsonPath JsonPath { get; init; } = new();

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
