namespace KubeBind.Functions.Invocation;

/// <summary>The sender until a Storage queue client is wired in: a requeue fails the invocation, so the message is retried.</summary>
internal sealed class UnavailableQueueSender : IQueueSender
{
    public Task SendAsync(string queueName, string messageText, TimeSpan visibilityDelay, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"Cannot requeue to '{queueName}': no Storage queue client is configured in this build.");
}
