using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>The JSON body of every structured HTTP error of the backend (upstream's <c>Error</c> kind).</summary>
public sealed record ErrorResponse
{
    /// <summary>The kind on the wire.</summary>
    public const string KindName = "Error";

    /// <summary>The object kind, always <see cref="KindName"/>.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; init; } = KindName;

    /// <summary>The object apiVersion, <c>kube-bind.io/v1alpha2</c>.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; init; } = Group.ApiVersion;

    /// <summary>The human-readable message.</summary>
    [JsonPropertyName("message")]
    public string Message { get; init; } = "";

    /// <summary>One of the <see cref="ErrorCode"/> values.</summary>
    [JsonPropertyName("code")]
    public string Code { get; init; } = "";

    /// <summary>More context, usually the underlying error text.</summary>
    [JsonPropertyName("details")]
    public string? Details { get; init; }

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
