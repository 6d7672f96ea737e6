using System.Text.Json;
using System.Text.Json.Serialization;
using KubeBind.Kubernetes.Models;

namespace KubeBind.Api.V1Alpha2;

/// <summary>A provider-authored service offering: resources plus permission claims.</summary>
public sealed record ApiServiceExportTemplate : IKubernetesObject
{
    /// <summary>The kind on the wire.</summary>
    public const string KindName = "APIServiceExportTemplate";

    /// <summary>The plural resource name.</summary>
    public const string Resource = "apiserviceexporttemplates";

    /// <summary>The object kind, always <see cref="KindName"/>.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; init; } = KindName;

    /// <summary>The object apiVersion, <c>kube-bind.io/v1alpha2</c>.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; init; } = Group.ApiVersion;

    /// <summary>Standard object metadata.</summary>
    [JsonPropertyName("metadata")]
    public ObjectMeta Metadata { get; init; } = new();

    /// <summary>The desired state.</summary>
    [JsonPropertyName("spec")]
    public ApiServiceExportTemplateSpec Spec { get; init; } = new();

    /// <summary>The observed state.</summary>
    [JsonPropertyName("status")]
    public ApiServiceExportTemplateStatus Status { get; init; } = new();

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
