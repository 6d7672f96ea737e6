using System.Text.Json;
using System.Text.Json.Serialization;
using KubeBind.Api.Conditions;

namespace KubeBind.Api.V1Alpha2;

/// <summary>What the konnector observed of the consumer CRD.</summary>
public sealed record BoundSchemaStatus
{
    /// <summary>Names accepted on the consumer.</summary>
    [JsonPropertyName("acceptedNames")]
    public CustomResourceDefinitionNames? AcceptedNames { get; init; }

    /// <summary>Versions stored on the consumer.</summary>
    [JsonPropertyName("storedVersions")]
    public IReadOnlyList<string> StoredVersions { get; init; } = [];

    /// <summary>Cluster-API-style conditions, <c>Ready</c> first.</summary>
    [JsonPropertyName("conditions")]
    public IReadOnlyList<Condition> Conditions { get; init; } = [];

    /// <summary>Declared upstream, never written.</summary>
    [JsonPropertyName("instantiations")]
    public int? Instantiations { get; init; }

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
