using System.Net;
using Azure.Core;

namespace KubeBind.Queues.Tests;

public sealed class BearerTokenAuthorizerTests
{
    private static readonly Uri Service = new("https://acme.queue.core.windows.net");

    [Fact]
    public async Task Requests_ReuseTheToken_UntilShortlyBeforeItExpires()
    {
        var time = new ManualTimeProvider();
        var credential = new CountingCredential(time, lifetime: TimeSpan.FromHours(1));
        var handler = new StubHandler((_, _) => StubHandler.Answer(HttpStatusCode.NoContent));
        using var client = new QueueServiceClient(Service, credential, new QueueClientOptions { Handler = handler, TimeProvider = time });
        var queue = client.GetQueueClient("jobs");

        await queue.ClearMessagesAsync();
        time.Advance(TimeSpan.FromMinutes(54));
        await queue.ClearMessagesAsync();
        time.Advance(TimeSpan.FromMinutes(2));
        await queue.ClearMessagesAsync();

        Assert.Equal(["Bearer token-1", "Bearer token-1", "Bearer token-2"], handler.Requests.Select(r => r.Headers.Authorization!.ToString()));
        Assert.All(credential.Scopes, s => Assert.Equal(["https://storage.azure.com/.default"], s));
    }

    [Fact]
    public void Constructor_RefusesPlainHttp_SoTokensNeverTravelUnencrypted()
    {
        var credential = new CountingCredential(new ManualTimeProvider(), TimeSpan.FromHours(1));

        var error = Assert.Throws<ArgumentException>(() => new QueueServiceClient(new Uri("http://acme.queue.core.windows.net"), credential));

        Assert.Contains("needs an https queue service URL", error.Message, StringComparison.Ordinal);
    }

    private sealed class CountingCredential(TimeProvider time, TimeSpan lifetime) : TokenCredential
    {
        private int _issued;

        public List<string[]> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.Add(requestContext.Scopes);
            return new AccessToken($"token-{++_issued}", time.GetUtcNow() + lifetime);
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }
}
