using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>
/// The result of a bind: the provider kubeconfig and the requests to create with it. Also reads upstream's v1alpha1
/// BindingResponse, which has the same fields less the two optional ones.
/// </summary>
public sealed record BindingResourceResponse
{
    /// <summary>The kind the frontend-disabled BindableResourcesRequest controller writes.</summary>
    public const string KindName = "BindingResourceResponse";

    /// <summary>The kind the HTTP API (<c>POST /api/bind</c>) writes.</summary>
    public const string HttpKindName = "BindingResponse";

    /// <summary>The object kind, <see cref="KindName"/> or <see cref="HttpKindName"/>.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; init; } = KindName;

    /// <summary>The object apiVersion, <c>kube-bind.io/v1alpha2</c>.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; init; } = Group.ApiVersion;

    /// <summary>Who signed in; always written, as Go writes struct fields.</summary>
    [JsonPropertyName("authentication")]
    public BindingResponseAuthentication Authentication { get; init; } = new();

    /// <summary>The consumer's provider kubeconfig (YAML), base64 on the wire.</summary>
    [JsonPropertyName("kubeconfig")]
    public byte[] Kubeconfig { get; init; } = [];

    /// <summary>
    /// The requests to create, as raw JSON objects (upstream's <c>runtime.RawExtension</c>); in practice one
    /// <see cref="ApiServiceExportRequestResponse"/>.
    /// </summary>
    [JsonPropertyName("requests")]
    public IReadOnlyList<JsonElement> Requests { get; init; } = [];

    /// <summary>The contract namespace.</summary>
    [JsonPropertyName("providerNamespace")]
    public string? ProviderNamespace { get; init; }

    /// <summary>The name of the APIServiceExportRequest the backend created (UI flow only).</summary>
    [JsonPropertyName("bindingName")]
    public string? BindingName { get; init; }

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
