using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>The resources, claims and namespaces a template offers.</summary>
public sealed record ApiServiceExportTemplateSpec
{
    /// <summary>Shown in the UI.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary><c>Cluster</c> or <c>Namespaced</c>; informational only.</summary>
    [JsonPropertyName("scope")]
    public string Scope { get; init; } = "";

    /// <summary>The offered resources; at least one.</summary>
    [JsonPropertyName("resources")]
    public IReadOnlyList<ApiServiceExportRequestResource> Resources { get; init; } = [];

    /// <summary>Claims on consumer objects.</summary>
    [JsonPropertyName("permissionClaims")]
    public IReadOnlyList<PermissionClaim> PermissionClaims { get; init; } = [];

    /// <summary>Namespaces to pre-create as APIServiceNamespaces.</summary>
    [JsonPropertyName("namespaces")]
    public IReadOnlyList<Namespaces> Namespaces { get; init; } = [];

    /// <summary><c>Never</c> (default) or <c>Always</c>.</summary>
    [JsonPropertyName("schemaUpdatePolicy")]
    public string? SchemaUpdatePolicy { get; init; }

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
