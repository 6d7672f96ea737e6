using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>The resources, claims and isolation of an export; immutable.</summary>
public sealed record ApiServiceExportSpec
{
    /// <summary>The exported resources; at least one.</summary>
    [JsonPropertyName("resources")]
    public IReadOnlyList<ApiServiceExportRequestResource> Resources { get; init; } = [];

    /// <summary>Claims on consumer objects.</summary>
    [JsonPropertyName("permissionClaims")]
    public IReadOnlyList<PermissionClaim> PermissionClaims { get; init; } = [];

    /// <summary><c>Cluster</c> or <c>Namespaced</c>.</summary>
    [JsonPropertyName("informerScope")]
    public string InformerScope { get; init; } = "";

    /// <summary><c>Prefixed</c>, <c>Namespaced</c> or <c>None</c>.</summary>
    [JsonPropertyName("isolation")]
    public string Isolation { get; init; } = "";

    /// <summary>Deprecated; never set by the backend.</summary>
    [JsonPropertyName("clusterScopedIsolation")]
    public string? ClusterScopedIsolation { get; init; }

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
