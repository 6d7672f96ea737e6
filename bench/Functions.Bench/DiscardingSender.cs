using KubeBind.WatchBridge.Sending;

namespace KubeBind.Functions.Bench;

/// <summary>An in-memory queue that accepts every message at once and keeps none: what is left is the bridge's own cost.</summary>
internal sealed class DiscardingSender : IMessageSender
{
    public Task SendAsync(string queueName, string messageText, CancellationToken cancellationToken) => Task.CompletedTask;
}
