using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>What an APIServiceExportRequest asks for; immutable.</summary>
public sealed record ApiServiceExportRequestSpec
{
    /// <summary>Free-form parameters, kept verbatim.</summary>
    [JsonPropertyName("parameters")]
    public JsonElement? Parameters { get; init; }

    /// <summary>The resources to bind; at least one.</summary>
    [JsonPropertyName("resources")]
    public IReadOnlyList<ApiServiceExportRequestResource> Resources { get; init; } = [];

    /// <summary>Claims on consumer objects.</summary>
    [JsonPropertyName("permissionClaims")]
    public IReadOnlyList<PermissionClaim> PermissionClaims { get; init; } = [];

    /// <summary>Consumer namespaces to pre-create.</summary>
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
