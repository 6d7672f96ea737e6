using System.Text.Json;
using System.Text.Json.Serialization;
using KubeBind.Api.Conditions;

namespace KubeBind.Api.V1Alpha2;

/// <summary>What the konnector observed for a binding.</summary>
public sealed record ApiServiceBindingStatus
{
    /// <summary>The provider display name.</summary>
    [JsonPropertyName("providerPrettyName")]
    public string? ProviderPrettyName { get; init; }

    /// <summary>Cluster-API-style conditions, <c>Ready</c> first.</summary>
    [JsonPropertyName("conditions")]
    public IReadOnlyList<Condition> Conditions { get; init; } = [];

    /// <summary>The bound schemas.</summary>
    [JsonPropertyName("boundSchemas")]
    public IReadOnlyList<GroupResource> BoundSchemas { get; init; } = [];

    /// <summary>The accepted permission claims.</summary>
    [JsonPropertyName("permissionClaims")]
    public IReadOnlyList<PermissionClaim> PermissionClaims { get; init; } = [];

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
