using KubeBind.Queues;

namespace KubeBind.Functions.Invocation;

/// <summary>
/// Sends requeue copies through the Storage account in <c>AzureWebJobsStorage</c>, base64-encoded as host.json's
/// <c>messageEncoding</c> has the queue trigger expect.
/// </summary>
internal sealed class StorageQueueSender : IQueueSender
{
    private readonly QueueServiceClient _service;

    public StorageQueueSender(QueueServiceClient service) => _service = service;

    public Task SendAsync(string queueName, string messageText, TimeSpan visibilityDelay, CancellationToken cancellationToken) =>
        _service.GetQueueClient(queueName, QueueMessageEncoding.Base64).SendMessageAsync(messageText, visibilityDelay, cancellationToken: cancellationToken);
}
