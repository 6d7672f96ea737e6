using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>How far a BindableResourcesRequest got.</summary>
public sealed record BindableResourcesRequestStatus
{
    /// <summary><c>Pending</c>, <c>Failed</c> or <c>Succeeded</c>.</summary>
    [JsonPropertyName("phase")]
    public string? Phase { get; init; }

    /// <summary>The assigned contract namespace.</summary>
    [JsonPropertyName("namespace")]
    public string? Namespace { get; init; }

    /// <summary>Where the response was written.</summary>
    [JsonPropertyName("kubeconfigSecretRef")]
    public LocalSecretKeyRef? KubeconfigSecretRef { get; init; }

    /// <summary>When the request finished.</summary>
    [JsonPropertyName("completionTime")]
    public DateTimeOffset? CompletionTime { get; init; }

    /// <summary>Standard meta/v1 conditions.</summary>
    [JsonPropertyName("conditions")]
    public IReadOnlyList<MetaCondition> Conditions { get; init; } = [];

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
