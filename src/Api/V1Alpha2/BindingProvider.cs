using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.V1Alpha2;

/// <summary>The discovery document of <c>GET /api/exports</c>: who the provider is and how to sign in.</summary>
public sealed record BindingProvider
{
    /// <summary>The kind on the wire.</summary>
    public const string KindName = "BindingProvider";

    /// <summary>The object kind, always <see cref="KindName"/>.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; init; } = KindName;

    /// <summary>The apiVersion: upstream writes the bare version <c>v1alpha2</c>, without the group.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; init; } = Group.V1Alpha2;

    /// <summary>The provider's display name.</summary>
    [JsonPropertyName("providerPrettyName")]
    public string ProviderPrettyName { get; init; } = "";

    /// <summary>The backend's release version, e.g. <c>v0.8.1</c>.</summary>
    [JsonPropertyName("version")]
    public string Version { get; init; } = "";

    /// <summary>The sign-in methods, most preferred first.</summary>
    [JsonPropertyName("authenticationMethods")]
    public IReadOnlyList<AuthenticationMethod> AuthenticationMethods { get; init; } = [];

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
