using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>How the consumer signed in; exactly one field is set.</summary>
public sealed record BindingResponseAuthentication
{
    /// <summary>The session of the OAuth2 code grant flow.</summary>
    [JsonPropertyName("oauth2CodeGrant")]
    public BindingResponseOAuth2CodeGrant? OAuth2CodeGrant { get; init; }

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
