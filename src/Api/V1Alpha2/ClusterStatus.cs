using System.Text.Json;
using System.Text.Json.Serialization;
using KubeBind.Api.Conditions;

namespace KubeBind.Api.V1Alpha2;

/// <summary>The conditions of a Cluster.</summary>
public sealed record ClusterStatus
{
    /// <summary>Cluster-API-style conditions, <c>Ready</c> first.</summary>
    [JsonPropertyName("conditions")]
    public IReadOnlyList<Condition> Conditions { get; init; } = [];

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
