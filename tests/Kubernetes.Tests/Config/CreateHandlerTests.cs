using System.Security.Cryptography.X509Certificates;
using KubeBind.Kubernetes.Config;

namespace KubeBind.Kubernetes.Tests.Config;

public sealed class CreateHandlerTests
{
    private static KubernetesConfiguration For(
        TlsTestServer server, string? ca = "ca", bool insecure = false, string? tlsServerName = null, X509Certificate2? certificate = null, ICredentialProvider? credentials = null) => new()
        {
            Server = server.Url,
            CertificateAuthorityPem = ca is null ? null : ConfigTestData.Read($"certs/{ca}.crt"),
            InsecureSkipTlsVerify = insecure,
            TlsServerName = tlsServerName,
            ClientCertificate = certificate,
            Credentials = credentials,
        };

    private static async Task<string> GetAsync(KubernetesConfiguration configuration)
    {
        using var client = new HttpClient(configuration.CreateHandler()) { Timeout = TimeSpan.FromSeconds(20) };
        return await client.GetStringAsync(configuration.Server);
    }

    private static X509Certificate2 ClientCertificate(string name) =>
        X509Certificate2.CreateFromPemFile(ConfigTestData.PathOf($"certs/{name}.crt"), ConfigTestData.PathOf($"certs/{name}.key"));

    [Fact(Timeout = 30_000)]
    public async Task CreateHandler_Connects_WhenTheServerIsSignedByTheConfiguredCa()
    {
        await using var server = new TlsTestServer("server");

        var body = await GetAsync(For(server));

        Assert.StartsWith("client=none;", body, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task CreateHandler_Fails_WhenTheServerIsSignedByAnotherCa()
    {
        await using var server = new TlsTestServer("server");

        await Assert.ThrowsAsync<HttpRequestException>(() => GetAsync(For(server, "other-ca")));
    }

    [Fact(Timeout = 30_000)]
    public async Task CreateHandler_Connects_WhenVerificationIsSkipped()
    {
        await using var server = new TlsTestServer("server-named");

        var body = await GetAsync(For(server, ca: null, insecure: true));

        Assert.StartsWith("client=none;", body, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task CreateHandler_Fails_WhenTheCertificateNameDoesNotMatchTheHost()
    {
        await using var server = new TlsTestServer("server-named");

        await Assert.ThrowsAsync<HttpRequestException>(() => GetAsync(For(server)));
    }

    [Fact(Timeout = 30_000)]
    public async Task CreateHandler_VerifiesAgainstTheTlsServerName_WhenOneIsConfigured()
    {
        await using var server = new TlsTestServer("server-named");

        var body = await GetAsync(For(server, tlsServerName: "kubernetes.default.svc"));

        Assert.StartsWith("client=none;", body, StringComparison.Ordinal);
        Assert.EndsWith(";sni=kubernetes.default.svc", body, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task CreateHandler_PresentsTheStaticClientCertificate_WhenConfigured()
    {
        await using var server = new TlsTestServer("server");
        using var certificate = ClientCertificate("client-rsa");

        var body = await GetAsync(For(server, certificate: certificate));

        Assert.StartsWith("client=O=system:masters, CN=rsa-user;", body, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task CreateHandler_PresentsTheProvidersCertificate_WhenCredentialsCarryOne()
    {
        await using var server = new TlsTestServer("server");
        using var certificate = ClientCertificate("client-ec");
        var credentials = new StaticCredentialProvider(new Credential(null, certificate));

        var body = await GetAsync(For(server, credentials: credentials));

        Assert.StartsWith("client=CN=ec-user;", body, StringComparison.Ordinal);
    }
}
