using System.Text.Json;
using System.Text.Json.Serialization;
using KubeBind.Api.Conditions;

namespace KubeBind.Api.V1Alpha2;

/// <summary>Heartbeat and version reported by the konnector.</summary>
public sealed record ClusterBindingStatus
{
    /// <summary>When the konnector last reported.</summary>
    [JsonPropertyName("lastHeartbeatTime")]
    public DateTimeOffset? LastHeartbeatTime { get; init; }

    /// <summary>The heartbeat interval as a Go duration, e.g. <c>5m0s</c>.</summary>
    [JsonPropertyName("heartbeatInterval")]
    public string? HeartbeatInterval { get; init; }

    /// <summary>The konnector version.</summary>
    [JsonPropertyName("konnectorVersion")]
    public string? KonnectorVersion { get; init; }

    /// <summary>The consumer-side copy of the kubeconfig secret.</summary>
    [JsonPropertyName("consumerSecretRef")]
    public LocalSecretRef? ConsumerSecretRef { get; init; }

    /// <summary>Cluster-API-style conditions, <c>Ready</c> first.</summary>
    [JsonPropertyName("conditions")]
    public IReadOnlyList<Condition> Conditions { get; init; } = [];

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
