using System.Net;
using System.Text.Json.Nodes;
using KubeBind.Kubernetes.Models;

namespace KubeBind.Kubernetes.Tests.Rest;

public sealed class KubernetesClientTests
{
    private const string ConfigMapJson = """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x","namespace":"ns"}}""";
    private const string ServerError = """{"kind":"Status","apiVersion":"v1","status":"Failure","message":"boom","reason":"InternalError","code":500}""";
    private static readonly GroupVersionResource ConfigMaps = new(string.Empty, "v1", "configmaps");

    [Fact]
    public async Task Get_RetriesAfter429AndServerErrors_ThenSucceeds()
    {
        var handler = new ScriptedHandler(
            _ => ScriptedHandler.Json(HttpStatusCode.TooManyRequests, "{}", TimeSpan.Zero),
            _ => ScriptedHandler.Json(HttpStatusCode.ServiceUnavailable, "{}"),
            _ => ScriptedHandler.Json(HttpStatusCode.OK, ConfigMapJson));
        using var client = Client(handler);

        var result = await client.Resource(ConfigMaps).GetAsync("x", "ns");

        Assert.Equal("x", result["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task Create_IsNotRetried_AfterAServerError()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Json(HttpStatusCode.InternalServerError, ServerError));
        using var client = Client(handler);

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => client.Resource(ConfigMaps).CreateAsync(JsonNode.Parse(ConfigMapJson)!.AsObject()));

        Assert.Single(handler.Requests);
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal("InternalError", error.Reason);
    }

    [Fact]
    public async Task Create_IsRetried_After429()
    {
        var handler = new ScriptedHandler(
            _ => ScriptedHandler.Json(HttpStatusCode.TooManyRequests, "{}", TimeSpan.Zero),
            _ => ScriptedHandler.Json(HttpStatusCode.Created, ConfigMapJson));
        using var client = Client(handler);

        await client.Resource(ConfigMaps).CreateAsync(JsonNode.Parse(ConfigMapJson)!.AsObject());

        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Request_AsksForFreshCredentialsOnce_After401()
    {
        var handler = new ScriptedHandler(
            _ => ScriptedHandler.Json(HttpStatusCode.Unauthorized, "{}"),
            _ => ScriptedHandler.Json(HttpStatusCode.OK, ConfigMapJson));
        var credentials = new RotatingCredentials();
        using var client = Client(handler, credentials);

        await client.Resource(ConfigMaps).GetAsync("x", "ns");

        Assert.Equal(["Bearer token-1", "Bearer token-2"], handler.Requests.Select(r => r.Authorization));
        Assert.Equal(1, credentials.Invalidations);
    }

    [Fact]
    public async Task Error_WithoutAStatusBody_IsStillTyped()
    {
        var handler = new ScriptedHandler(_ => new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("<html>not here</html>") });
        using var client = Client(handler);

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => client.Resource(ConfigMaps).GetAsync("x", "ns"));

        Assert.True(error.IsNotFound);
        Assert.Contains("not here", error.Status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_UseThePathPrefixOfTheServer()
    {
        Uri? seen = null;
        var handler = new ScriptedHandler(r =>
        {
            seen = r.RequestUri;
            return ScriptedHandler.Json(HttpStatusCode.OK, ConfigMapJson);
        });
        using var client = new KubernetesClient(
            new KubernetesConfiguration { Server = new Uri("https://example.invalid/clusters/one") },
            new KubernetesClientOptions { MessageHandler = handler });

        await client.Resource(ConfigMaps).GetAsync("x", "ns");

        Assert.Equal("/clusters/one/api/v1/namespaces/ns/configmaps/x", seen!.AbsolutePath);
    }

    private static KubernetesClient Client(HttpMessageHandler handler, ICredentialProvider? credentials = null) => new(
        new KubernetesConfiguration { Server = new Uri("https://example.invalid"), Credentials = credentials },
        new KubernetesClientOptions { MessageHandler = handler, InitialRetryDelay = TimeSpan.FromMilliseconds(1), Qps = 0 });

    private sealed class RotatingCredentials : ICredentialProvider
    {
        private int _generation = 1;

        public int Invalidations { get; private set; }

        public ValueTask<Credential> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Credential.Bearer($"token-{_generation}"));

        public void Invalidate()
        {
            Invalidations++;
            _generation++;
        }
    }
}
