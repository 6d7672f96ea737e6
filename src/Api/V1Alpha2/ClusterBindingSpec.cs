using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>Where the consumer kubeconfig lives and how the provider is named.</summary>
public sealed record ClusterBindingSpec
{
    /// <summary>The secret holding the consumer provider kubeconfig; immutable.</summary>
    [JsonPropertyName("kubeconfigSecretRef")]
    public LocalSecretKeyRef KubeconfigSecretRef { get; init; } = new();

    /// <summary>The provider display name.</summary>
    [JsonPropertyName("providerPrettyName")]
    public string ProviderPrettyName { get; init; } = "";

    /// <summary>Provider-specific data, kept verbatim.</summary>
    [JsonPropertyName("serviceProviderSpec")]
    public JsonElement? ServiceProviderSpec { get; init; }

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
