using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>The OAuth2 code grant settings of a <see cref="BindingProvider"/>.</summary>
public sealed record OAuth2CodeGrant
{
    /// <summary>The URL the client opens to sign in (<c>…/api/authorize?…</c>).</summary>
    [JsonPropertyName("authenticatedURL")]
    public string AuthenticatedUrl { get; init; } = "";

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
