using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>A resource requested or exported, with the versions wanted (upstream also calls it APIServiceExportResource).</summary>
public sealed record ApiServiceExportRequestResource
{
    /// <summary>The API group; empty or absent for the core group.</summary>
    [JsonPropertyName("group")]
    public string? Group { get; init; }

    /// <summary>The plural resource name.</summary>
    [JsonPropertyName("resource")]
    public string Resource { get; init; } = "";

    /// <summary>The versions to bind; empty lets the provider choose.</summary>
    [JsonPropertyName("versions")]
    public IReadOnlyList<string> Versions { get; init; } = [];

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
