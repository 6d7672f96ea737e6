using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>apiextensions/v1 CustomResourceSubresourceScale.</summary>
public sealed record CustomResourceSubresourceScale
{
    /// <summary>JSON path to the desired replicas.</summary>
    [JsonPropertyName("specReplicasPath")]
    public string SpecReplicasPath { get; init; } = "";

    /// <summary>JSON path to the observed replicas.</summary>
    [JsonPropertyName("statusReplicasPath")]
    public string StatusReplicasPath { get; init; } = "";

    /// <summary>JSON path to the label selector.</summary>
    [JsonPropertyName("labelSelectorPath")]
    public string? LabelSelectorPath { get; init; }

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
