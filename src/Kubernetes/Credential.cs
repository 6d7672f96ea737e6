using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;

namespace KubeBind.Kubernetes;

/// <summary>What authenticates one request: an Authorization header and/or a TLS client certificate.</summary>
public sealed record Credential(AuthenticationHeaderValue? Authorization, X509Certificate2? ClientCertificate = null)
{
    public static Credential None { get; } = new(Authorization: null);

    public static Credential Bearer(string token) => new(new AuthenticationHeaderValue("Bearer", token));
}
