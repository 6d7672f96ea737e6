using KubeBind.Queues;

namespace KubeBind.WatchBridge.Sending;

/// <summary>
/// Sends to Azure Storage queues (Azurite locally) in the Functions queue trigger's base64 encoding. A queue is
/// created on the first send that finds it missing, so a fresh account or a deleted queue needs no set-up step.
/// </summary>
internal sealed class StorageQueueSender(QueueServiceClient service) : IMessageSender
{
    public Task SendAsync(string queueName, string messageText, CancellationToken cancellationToken) =>
        service.GetQueueClient(queueName, QueueMessageEncoding.Base64).SendMessageCreatingQueueAsync(messageText, cancellationToken: cancellationToken);
}
