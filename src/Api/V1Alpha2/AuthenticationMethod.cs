using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>One way a consumer can sign in to the provider.</summary>
public sealed record AuthenticationMethod
{
    /// <summary>The OAuth2 authorization code flow, the one method upstream offers.</summary>
    public const string OAuth2CodeGrantMethod = "OAuth2CodeGrant";

    /// <summary>The method name, e.g. <see cref="OAuth2CodeGrantMethod"/>.</summary>
    [JsonPropertyName("method")]
    public string? Method { get; init; }

    /// <summary>Where to start the OAuth2 code grant flow.</summary>
    [JsonPropertyName("oauth2CodeGrant")]
    public OAuth2CodeGrant? OAuth2CodeGrant { get; init; }

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
