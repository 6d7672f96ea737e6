using KubeBind.Queues;
using KubeBind.Testing;
using KubeBind.WatchBridge.Sending;

namespace KubeBind.WatchBridge.Tests.Sending;

public sealed class StorageQueueSenderTests(Azurite azurite) : IClassFixture<Azurite>, IDisposable
{
    private readonly QueueServiceClient _service = new(azurite.ConnectionString);

    [Fact]
    public async Task SendAsync_CreatesTheQueueAndPutsTheText_WhenTheQueueIsMissing()
    {
        var queueName = $"bridge-{Guid.NewGuid():n}"[..30];
        var sender = new StorageQueueSender(_service);

        await sender.SendAsync(queueName, """{"kind":"APIServiceExportRequest","name":"a"}""", CancellationToken.None);
        await sender.SendAsync(queueName, """{"kind":"APIServiceExportRequest","name":"b"}""", CancellationToken.None);

        var received = await _service.GetQueueClient(queueName).ReceiveMessagesAsync(maxMessages: 32);
        Assert.Equal(
            ["""{"kind":"APIServiceExportRequest","name":"a"}""", """{"kind":"APIServiceExportRequest","name":"b"}"""],
            received.Select(m => m.Text).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task SendAsync_EncodesAsBase64_WhenItPutsAMessage()
    {
        // The Functions queue trigger decodes base64 by default; plain text would land in the poison queue.
        var queueName = $"bridge-{Guid.NewGuid():n}"[..30];

        await new StorageQueueSender(_service).SendAsync(queueName, "{}", CancellationToken.None);

        var raw = Assert.Single(await _service.GetQueueClient(queueName, QueueMessageEncoding.None).PeekMessagesAsync());
        Assert.Equal(Convert.ToBase64String("{}"u8), raw.Text);
    }

    public void Dispose() => _service.Dispose();
}
