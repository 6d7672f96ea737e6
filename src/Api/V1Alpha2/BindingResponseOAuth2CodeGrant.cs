using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>The OAuth2 session a bind ran in.</summary>
public sealed record BindingResponseOAuth2CodeGrant
{
    /// <summary>The session id the consumer passed in; the client checks it is its own.</summary>
    [JsonPropertyName("sid")]
    public string SessionId { get; init; } = "";

    /// <summary>The signed-in user, <c>&lt;issuer&gt;/&lt;subject&gt;</c>; informational.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
