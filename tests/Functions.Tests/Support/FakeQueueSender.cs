using System.Collections.Concurrent;
using KubeBind.Functions.Invocation;

namespace KubeBind.Functions.Tests.Support;

/// <summary>Records what would have been put on a queue.</summary>
internal sealed class FakeQueueSender : IQueueSender
{
    public ConcurrentQueue<(string Queue, string Text, TimeSpan Delay)> Sent { get; } = new();

    public Task SendAsync(string queueName, string messageText, TimeSpan visibilityDelay, CancellationToken cancellationToken)
    {
        Sent.Enqueue((queueName, messageText, visibilityDelay));
        return Task.CompletedTask;
    }
}
