using System.Net;
using KubeBind.Kubernetes.Config;

namespace KubeBind.Kubernetes.Tests.Config;

public sealed class CredentialHandlerTests
{
    [Fact(Timeout = 30_000)]
    public async Task SendAsync_RetriesOnceWithFreshCredentials_WhenTheServerAnswers401()
    {
        using var directory = new TempDirectory();
        var tokenPath = directory.Write("token", "old");
        var credentials = new TokenFileCredentialProvider(tokenPath, new ManualTimeProvider(DateTimeOffset.UnixEpoch));
        var seen = new List<string?>();
        using var handler = new CredentialHandler(credentials)
        {
            InnerHandler = new Responder(request =>
            {
                seen.Add(request.Headers.Authorization?.Parameter);
                return request.Headers.Authorization?.Parameter == "new" ? HttpStatusCode.OK : HttpStatusCode.Unauthorized;
            }),
        };
        using var client = new HttpClient(handler);
        var stamp = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(tokenPath, stamp);
        await credentials.GetAsync(CancellationToken.None);
        File.WriteAllText(tokenPath, "new");
        File.SetLastWriteTimeUtc(tokenPath, stamp);

        using var response = await client.GetAsync(new Uri("https://127.0.0.1/api"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["old", "new"], seen);
    }

    [Fact(Timeout = 30_000)]
    public async Task SendAsync_ReturnsThe401_WhenFreshCredentialsAreTheSame()
    {
        var attempts = 0;
        using var handler = new CredentialHandler(StaticCredentialProvider.Bearer("bad"))
        {
            InnerHandler = new Responder(_ =>
            {
                attempts++;
                return HttpStatusCode.Unauthorized;
            }),
        };
        using var client = new HttpClient(handler);

        using var response = await client.GetAsync(new Uri("https://127.0.0.1/api"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, attempts);
    }

    private sealed class Responder(Func<HttpRequestMessage, HttpStatusCode> respond) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(respond(request)));
    }
}
