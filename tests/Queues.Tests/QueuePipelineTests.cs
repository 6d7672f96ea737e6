using System.Net;
using System.Net.Sockets;

namespace KubeBind.Queues.Tests;

public sealed class QueuePipelineTests
{
    private const string Connection = "AccountName=acme;AccountKey=a2V5;QueueEndpoint=http://127.0.0.1:1/acme";

    private const string Empty = "<QueueMessagesList></QueueMessagesList>";

    private const string Sent = "<QueueMessagesList><QueueMessage><MessageId>m1</MessageId><InsertionTime>Sat, 01 Mar 2025 12:00:00 GMT</InsertionTime>"
        + "<ExpirationTime>Sat, 08 Mar 2025 12:00:00 GMT</ExpirationTime><PopReceipt>p1</PopReceipt><TimeNextVisible>Sat, 01 Mar 2025 12:00:00 GMT</TimeNextVisible>"
        + "</QueueMessage></QueueMessagesList>";

    [Fact]
    public async Task PeekMessagesAsync_Retries_WhenServiceIsBusy()
    {
        var handler = new StubHandler((_, n) => n == 1 ? StubHandler.Answer(HttpStatusCode.ServiceUnavailable, errorCode: "ServerBusy") : StubHandler.Answer(HttpStatusCode.OK, Empty));
        using var service = Service(handler);

        var peeked = await service.GetQueueClient("jobs").PeekMessagesAsync();

        Assert.Empty(peeked);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task ReceiveMessagesAsync_GivesUpAfterMaxRetries_WithTheLastAnswer()
    {
        var handler = new StubHandler((_, _) => StubHandler.Answer(HttpStatusCode.InternalServerError, "<Error><Code>InternalError</Code><Message>boom\nRequestId:1</Message></Error>"));
        using var service = Service(handler);

        var error = await Assert.ThrowsAsync<QueueStorageException>(() => service.GetQueueClient("jobs").ReceiveMessagesAsync());

        Assert.Equal(4, handler.Requests.Count);
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal("InternalError", error.ErrorCode);
        Assert.True(error.IsTransient);
        Assert.Contains("gave up after 4 attempts", error.Message, StringComparison.Ordinal);
        Assert.Contains("(service: boom)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendMessageAsync_DoesNotRetry_WhenTheServiceMayHaveStoredTheMessage()
    {
        var handler = new StubHandler((_, _) => StubHandler.Answer(HttpStatusCode.InternalServerError));
        using var service = Service(handler);

        await Assert.ThrowsAsync<QueueStorageException>(() => service.GetQueueClient("jobs").SendMessageAsync("once"));

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task SendMessageAsync_Retries_WhenTheConnectionWasNeverMade()
    {
        var handler = new StubHandler((_, n) => n == 1
            ? throw new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused))
            : StubHandler.Answer(HttpStatusCode.Created, Sent));
        using var service = Service(handler);

        var receipt = await service.GetQueueClient("jobs").SendMessageAsync("once");

        Assert.Equal("m1", receipt.MessageId);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task DeleteMessageAsync_DoesNotRetry_WhenTheAnswerIsAClientError()
    {
        var handler = new StubHandler((_, _) => StubHandler.Answer(HttpStatusCode.NotFound, errorCode: "MessageNotFound"));
        using var service = Service(handler);

        var error = await Assert.ThrowsAsync<QueueStorageException>(() => service.GetQueueClient("jobs").DeleteMessageAsync("m1", "p1"));

        Assert.Single(handler.Requests);
        Assert.True(error.IsMessageNotFound);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task Requests_CarryVersionDateAndEscapedPopReceipt()
    {
        var handler = new StubHandler((_, _) => StubHandler.Answer(HttpStatusCode.NoContent));
        using var service = Service(handler);

        await service.GetQueueClient("jobs").DeleteMessageAsync("m1", "AgAA+/=");

        var request = Assert.Single(handler.Requests);
        Assert.Equal("http://127.0.0.1:1/acme/jobs/messages/m1?popreceipt=AgAA%2B%2F%3D", request.RequestUri!.AbsoluteUri);
        Assert.Equal("2023-11-03", request.Headers.GetValues("x-ms-version").Single());
        Assert.Equal("Sat, 01 Mar 2025 12:00:00 GMT", request.Headers.GetValues("x-ms-date").Single());
        Assert.StartsWith("SharedKey acme:", request.Headers.GetValues("Authorization").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiveMessagesAsync_ThrowsQueueStorageException_WhenTheAnswerIsNotTheApisXml()
    {
        var handler = new StubHandler((_, _) => StubHandler.Answer(HttpStatusCode.OK, "<html><body>Sign in to the proxy</body>"));
        using var service = Service(handler);

        var error = await Assert.ThrowsAsync<QueueStorageException>(() => service.GetQueueClient("jobs").ReceiveMessagesAsync());

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Contains("receive messages from queue 'jobs' failed: the answer could not be read", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Jobs")]
    [InlineData("jobs--poison")]
    [InlineData("-jobs")]
    [InlineData("jobs_1")]
    public void GetQueueClient_RejectsInvalidNames(string name)
    {
        using var service = Service(new StubHandler((_, _) => StubHandler.Answer(HttpStatusCode.OK)));

        var error = Assert.Throws<ArgumentException>(() => service.GetQueueClient(name));

        Assert.Contains($"'{name}' is not a valid queue name", error.Message, StringComparison.Ordinal);
    }

    private static QueueServiceClient Service(StubHandler handler)
    {
        var time = new ManualTimeProvider();
        return new QueueServiceClient(Connection, new QueueClientOptions { Handler = handler, TimeProvider = new ImmediateDelays(time), RetryDelay = TimeSpan.FromMilliseconds(1) });
    }

    /// <summary>The manual clock for dates, the real timers for retry delays of a millisecond.</summary>
    private sealed class ImmediateDelays(ManualTimeProvider clock) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();
    }
}
