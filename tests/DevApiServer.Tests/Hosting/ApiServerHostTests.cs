using System.Net;
using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Hosting;

namespace KubeBind.DevApiServer.Tests.Hosting;

/// <summary>Embedding DevApiServer: plain HTTP, the ready client config, and identity kept across restarts.</summary>
public sealed class ApiServerHostTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("devapiserver-host-").FullName;

    [Fact]
    public async Task StartAsync_ServesPlainHttp_WhenAsked()
    {
        await using var host = await ApiServerHost.StartAsync(new DevApiServerOptions { PlainHttp = true });
        using var client = new HttpClient(host.ClientConfig.CreateHandler()) { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", host.AdminToken);

        var response = await client.GetAsync(new Uri("/api/v1/namespaces/default", UriKind.Relative));

        Assert.Equal("http", host.BaseAddress.Scheme);
        Assert.Null(host.CertificateAuthorityPem);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ClientConfig_TrustsOnlyThisServersCa()
    {
        await using var host = await ApiServerHost.StartAsync(new DevApiServerOptions());
        await using var other = await ApiServerHost.StartAsync(new DevApiServerOptions());
        using var trusting = new HttpClient(host.ClientConfig.CreateHandler());
        using var mismatched = new HttpClient(other.ClientConfig.CreateHandler());

        var ok = await trusting.GetAsync(new Uri(host.BaseAddress, "/version"));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        await Assert.ThrowsAsync<HttpRequestException>(() => mismatched.GetAsync(new Uri(host.BaseAddress, "/version")));
    }

    [Fact]
    public async Task KubeSystemUid_IsStableAcrossRestarts_ThatReuseTheCertificateDirectory_AndDiffersOtherwise()
    {
        var first = await KubeSystemUidAsync(new DevApiServerOptions { CertificateDirectory = _directory });
        var second = await KubeSystemUidAsync(new DevApiServerOptions { CertificateDirectory = _directory });
        var unrelated = await KubeSystemUidAsync(new DevApiServerOptions());

        Assert.Equal(first, second);
        Assert.NotEqual(first, unrelated);
        Assert.True(Guid.TryParse(first, out _));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task<string> KubeSystemUidAsync(DevApiServerOptions options)
    {
        await using var host = await ApiServerHost.StartAsync(options);
        using var client = new HttpClient(host.ClientConfig.CreateHandler()) { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", host.AdminToken);
        var body = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/v1/namespaces/kube-system", UriKind.Relative)))!;
        return body["metadata"]!["uid"]!.GetValue<string>();
    }
}
