using System.Net;
using System.Net.Sockets;
using System.Text;
using KubeBind.Testing;

namespace KubeBind.Queues.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class QueueClientTests : IDisposable
{
    private readonly Azurite _azurite;
    private readonly QueueServiceClient _service;

    public QueueClientTests(Azurite azurite)
    {
        _azurite = azurite;
        _service = TestQueues.Service(azurite);
    }

    public void Dispose() => _service.Dispose();

    [Fact]
    public async Task CreateIfNotExistsAsync_ReturnsTrueThenFalse_WhenCalledTwice()
    {
        var queue = _service.GetQueueClient(TestQueues.UniqueName());

        var first = await queue.CreateIfNotExistsAsync();
        var second = await queue.CreateIfNotExistsAsync();

        Assert.True(first);
        Assert.False(second);
    }

    [Fact]
    public async Task DeleteAsync_RemovesQueue_SoLaterCallsFindNoQueue()
    {
        var queue = await TestQueues.CreateAsync(_service);

        await queue.DeleteAsync();

        var error = await Assert.ThrowsAsync<QueueStorageException>(() => queue.GetPropertiesAsync());
        Assert.True(error.IsQueueNotFound);
        Assert.False(await queue.DeleteIfExistsAsync());
    }

    [Fact]
    public async Task GetPropertiesAsync_CountsMessages()
    {
        var queue = await TestQueues.CreateAsync(_service);
        await queue.SendMessageAsync("one");
        await queue.SendMessageAsync("two");

        var properties = await queue.GetPropertiesAsync();

        Assert.Equal(2, properties.ApproximateMessageCount);
    }

    [Fact]
    public async Task ReceiveMessagesAsync_ReturnsTextAndTimes_WhenMessageWasPut()
    {
        var queue = await TestQueues.CreateAsync(_service);
        const string text = "{\"key\":\"ns/näme\"} <&> ☃";
        var sent = await queue.SendMessageAsync(text);

        var received = Assert.Single(await queue.ReceiveMessagesAsync(visibilityTimeout: TimeSpan.FromMinutes(1)));

        Assert.Equal(sent.MessageId, received.MessageId);
        Assert.Equal(text, received.Text);
        Assert.False(received.DecodingFailed);
        Assert.Equal(1, received.DequeueCount);
        Assert.Equal(sent.InsertedOn, received.InsertedOn);
        Assert.InRange(received.ExpiresOn - received.InsertedOn, TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1), TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        Assert.InRange(received.NextVisibleOn - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(70));
    }

    [Fact]
    public async Task ReceiveMessagesAsync_ReturnsAtMostMaxMessages()
    {
        var queue = await TestQueues.CreateAsync(_service);
        for (var i = 0; i < 5; i++)
        {
            await queue.SendMessageAsync($"m{i}");
        }

        var batch = await queue.ReceiveMessagesAsync(maxMessages: 3);

        Assert.Equal(3, batch.Count);
        Assert.Equal(3, batch.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task ReceiveMessagesAsync_HidesMessageUntilVisibilityEnds_ThenCountsTheSecondDequeue()
    {
        var queue = await TestQueues.CreateAsync(_service);
        await queue.SendMessageAsync("hidden for a second");
        var first = Assert.Single(await queue.ReceiveMessagesAsync(visibilityTimeout: TimeSpan.FromSeconds(1)));

        var peekedWhileHidden = await queue.PeekMessagesAsync();
        await WaitFor.ConditionAsync(async () => (await queue.PeekMessagesAsync()).Count == 1, "the message to reappear");
        var second = Assert.Single(await queue.ReceiveMessagesAsync());

        Assert.Empty(peekedWhileHidden);
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(2, second.DequeueCount);
        Assert.NotEqual(first.PopReceipt, second.PopReceipt);
    }

    [Fact]
    public async Task PeekMessagesAsync_LeavesMessageVisibleAndUncounted()
    {
        var queue = await TestQueues.CreateAsync(_service);
        await queue.SendMessageAsync("look, don't touch");

        var peeked = Assert.Single(await queue.PeekMessagesAsync());
        var again = Assert.Single(await queue.PeekMessagesAsync(maxMessages: 32));

        Assert.Equal("look, don't touch", peeked.Text);
        Assert.Equal(0, peeked.DequeueCount);
        Assert.Equal(peeked.MessageId, again.MessageId);
    }

    [Fact]
    public async Task DeleteMessageAsync_RemovesMessage()
    {
        var queue = await TestQueues.CreateAsync(_service);
        await queue.SendMessageAsync("done");
        var message = Assert.Single(await queue.ReceiveMessagesAsync());

        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);

        Assert.Equal(0, (await queue.GetPropertiesAsync()).ApproximateMessageCount);
    }

    [Fact]
    public async Task UpdateMessageAsync_ReplacesTextAndReceipt_AndMakesMessageVisible_WhenVisibilityIsZero()
    {
        var queue = await TestQueues.CreateAsync(_service);
        await queue.SendMessageAsync("before");
        var message = Assert.Single(await queue.ReceiveMessagesAsync(visibilityTimeout: TimeSpan.FromMinutes(5)));

        var receipt = await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, TimeSpan.Zero, "after");

        var peeked = Assert.Single(await queue.PeekMessagesAsync());
        Assert.Equal("after", peeked.Text);
        Assert.NotEqual(message.PopReceipt, receipt.PopReceipt);
        Assert.True(receipt.NextVisibleOn <= DateTimeOffset.UtcNow.AddSeconds(1));
        var stale = await Assert.ThrowsAsync<QueueStorageException>(() => queue.DeleteMessageAsync(message.MessageId, message.PopReceipt));
        Assert.True(stale.IsMessageNotFound, stale.Message);
    }

    [Fact]
    public async Task UpdateMessageAsync_KeepsMessageHidden_WhenOnlyVisibilityChanges()
    {
        var queue = await TestQueues.CreateAsync(_service);
        await queue.SendMessageAsync("keep me");
        var message = Assert.Single(await queue.ReceiveMessagesAsync(visibilityTimeout: TimeSpan.FromSeconds(1)));

        var receipt = await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, TimeSpan.FromMinutes(5));

        Assert.InRange(receipt.NextVisibleOn - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(6));
        await queue.DeleteMessageAsync(message.MessageId, receipt.PopReceipt);
        Assert.Equal(0, (await queue.GetPropertiesAsync()).ApproximateMessageCount);
    }

    [Fact]
    public async Task SendMessageAsync_HidesMessage_ForTheVisibilityDelay()
    {
        var queue = await TestQueues.CreateAsync(_service);

        var sent = await queue.SendMessageAsync("later", visibilityDelay: TimeSpan.FromSeconds(1));

        Assert.Empty(await queue.PeekMessagesAsync());
        Assert.True(sent.NextVisibleOn > sent.InsertedOn);
        await WaitFor.ConditionAsync(async () => (await queue.PeekMessagesAsync()).Count == 1, "the delayed message to become visible");
    }

    [Fact]
    public async Task SendMessageAsync_NeverExpires_WhenTimeToLiveIsInfinite()
    {
        var queue = await TestQueues.CreateAsync(_service);

        var sent = await queue.SendMessageAsync("forever", timeToLive: Timeout.InfiniteTimeSpan);

        Assert.Equal(9999, sent.ExpiresOn.Year);
        Assert.Equal(9999, Assert.Single(await queue.PeekMessagesAsync()).ExpiresOn.Year);
    }

    [Fact]
    public async Task SendMessageAsync_MessageExpires_AfterItsTimeToLive()
    {
        var queue = await TestQueues.CreateAsync(_service);

        var sent = await queue.SendMessageAsync("short-lived", timeToLive: TimeSpan.FromSeconds(1));

        Assert.Equal(sent.InsertedOn.AddSeconds(1), sent.ExpiresOn);
        await WaitFor.ConditionAsync(async () => (await queue.PeekMessagesAsync()).Count == 0, "the message to expire");
        Assert.Empty(await queue.ReceiveMessagesAsync());
    }

    [Fact]
    public async Task SendMessageAsync_PutsBase64OfUtf8OnTheWire_ByDefault()
    {
        var queue = await TestQueues.CreateAsync(_service);
        var raw = queue.WithEncoding(QueueMessageEncoding.None);

        await queue.SendMessageAsync("héllo");

        var wire = Assert.Single(await raw.PeekMessagesAsync());
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("héllo")), wire.Text);
    }

    [Fact]
    public async Task PeekMessagesAsync_FlagsDecodingFailure_WhenWireTextIsNotBase64()
    {
        var queue = await TestQueues.CreateAsync(_service);
        await queue.WithEncoding(QueueMessageEncoding.None).SendMessageAsync("plain <text> & more");

        var peeked = Assert.Single(await queue.PeekMessagesAsync());
        var raw = Assert.Single(await queue.WithEncoding(QueueMessageEncoding.None).PeekMessagesAsync());

        Assert.True(peeked.DecodingFailed);
        Assert.Equal("plain <text> & more", peeked.Text);
        Assert.False(raw.DecodingFailed);
        Assert.Equal("plain <text> & more", raw.Text);
    }

    [Fact]
    public async Task ClearMessagesAsync_EmptiesQueue()
    {
        var queue = await TestQueues.CreateAsync(_service);
        await queue.SendMessageAsync("a");
        await queue.SendMessageAsync("b");

        await queue.ClearMessagesAsync();

        Assert.Empty(await queue.PeekMessagesAsync(maxMessages: 32));
    }

    [Fact]
    public async Task SendMessageAsync_ThrowsQueueNotFound_WhenQueueIsMissing()
    {
        var queue = _service.GetQueueClient(TestQueues.UniqueName("missing"));

        var error = await Assert.ThrowsAsync<QueueStorageException>(() => queue.SendMessageAsync("lost"));

        Assert.True(error.IsQueueNotFound);
        Assert.False(error.IsQueueAlreadyExists);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("QueueNotFound", error.ErrorCode);
        Assert.Contains("does not exist: create it", error.Message, StringComparison.Ordinal);
        Assert.Contains(queue.Name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operations_ThrowAuthenticationFailed_WhenKeyIsWrong()
    {
        var wrongKey = Convert.ToBase64String(Encoding.UTF8.GetBytes("not the account key at all"));
        using var service = new QueueServiceClient(_azurite.ConnectionString.Replace(Azurite.AccountKey, wrongKey, StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<QueueStorageException>(() => service.GetQueueClient("any-queue").CreateIfNotExistsAsync());

        Assert.True(error.IsAuthenticationFailed, error.Message);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Contains("check the account key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operations_ThrowUnreachable_WhenNothingListens()
    {
        var port = FreePort();
        var connection = $"AccountName={Azurite.AccountName};AccountKey={Azurite.AccountKey};QueueEndpoint=http://127.0.0.1:{port}/{Azurite.AccountName}";
        using var service = new QueueServiceClient(connection, new QueueClientOptions { MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(1) });

        var error = await Assert.ThrowsAsync<QueueStorageException>(() => service.GetQueueClient("any-queue").PeekMessagesAsync());

        Assert.Null(error.StatusCode);
        Assert.True(error.IsTransient);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Contains("could not reach the queue service at http://127.0.0.1:", error.Message, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
