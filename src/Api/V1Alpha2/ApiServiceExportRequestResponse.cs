using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>An APIServiceExportRequest as a bind response carries it: metadata reduced to the name.</summary>
public sealed record ApiServiceExportRequestResponse
{
    /// <summary>The object kind, <c>APIServiceExportRequest</c>.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; init; } = ApiServiceExportRequest.KindName;

    /// <summary>The object apiVersion, <c>kube-bind.io/v1alpha2</c>.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; init; } = Group.ApiVersion;

    /// <summary>The name to create the request under.</summary>
    [JsonPropertyName("metadata")]
    public NameObjectMeta Metadata { get; init; } = new();

    /// <summary>The request to create.</summary>
    [JsonPropertyName("spec")]
    public ApiServiceExportRequestSpec Spec { get; init; } = new();

    /// <summary>The status, written as <c>{}</c> by upstream.</summary>
    [JsonPropertyName("status")]
    public ApiServiceExportRequestStatus Status { get; init; } = new();

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
