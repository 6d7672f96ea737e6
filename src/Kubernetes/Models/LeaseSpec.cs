using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Kubernetes.Models;

/// <summary>coordination.k8s.io/v1 LeaseSpec: who holds the lease, since when, and for how long.</summary>
public sealed record LeaseSpec
{
    /// <summary>The identity of the current holder; empty or absent when nobody holds the lease.</summary>
    [JsonPropertyName("holderIdentity")]
    public string? HolderIdentity { get; init; }

    /// <summary>How long, in seconds, candidates must wait after the last observed renewal before taking the lease.</summary>
    [JsonPropertyName("leaseDurationSeconds")]
    public int? LeaseDurationSeconds { get; init; }

    /// <summary>When the current holder acquired the lease (MicroTime).</summary>
    [JsonPropertyName("acquireTime")]
    [JsonConverter(typeof(MicroTimeJsonConverter))]
    public DateTimeOffset? AcquireTime { get; init; }

    /// <summary>When the current holder last renewed the lease (MicroTime).</summary>
    [JsonPropertyName("renewTime")]
    [JsonConverter(typeof(MicroTimeJsonConverter))]
    public DateTimeOffset? RenewTime { get; init; }

    /// <summary>How many times the lease has changed holders.</summary>
    [JsonPropertyName("leaseTransitions")]
    public int? LeaseTransitions { get; init; }

    /// <summary>strategy, preferredHolder and anything else, kept verbatim.</summary>
    // A setter, not init: see Lease.Extra.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
