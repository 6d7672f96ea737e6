using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>The templates of a collection.</summary>
public sealed record CollectionSpec
{
    /// <summary>Shown in the UI.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The templates; at least one.</summary>
    [JsonPropertyName("templates")]
    public IReadOnlyList<ApiServiceExportTemplateReference> Templates { get; init; } = [];

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
