using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>Which provider kubeconfig a bundle uses.</summary>
public sealed record ApiServiceBindingBundleSpec
{
    /// <summary>The provider kubeconfig secret; immutable.</summary>
    [JsonPropertyName("kubeconfigSecretRef")]
    public ClusterSecretKeyRef KubeconfigSecretRef { get; init; } = new();

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
