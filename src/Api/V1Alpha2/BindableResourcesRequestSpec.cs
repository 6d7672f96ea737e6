using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>Which template to bind, for whom.</summary>
public sealed record BindableResourcesRequestSpec
{
    /// <summary>The template to bind.</summary>
    [JsonPropertyName("templateRef")]
    public TemplateReference? TemplateRef { get; init; }

    /// <summary>The consumer identity.</summary>
    [JsonPropertyName("clusterIdentity")]
    public ClusterIdentity ClusterIdentity { get; init; } = new();

    /// <summary>Who asked.</summary>
    [JsonPropertyName("author")]
    public string Author { get; init; } = "";

    /// <summary>The secret to receive the response.</summary>
    [JsonPropertyName("kubeconfigSecretRef")]
    public LocalSecretKeyRef? KubeconfigSecretRef { get; init; }

    /// <summary>Go duration after which a finished request is deleted.</summary>
    [JsonPropertyName("ttlAfterFinished")]
    public string? TtlAfterFinished { get; init; }

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
