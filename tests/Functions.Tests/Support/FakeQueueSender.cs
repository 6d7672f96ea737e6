using System.Collections.Concurrent;
using KubeBind.Functions.Invocation;

namespace KubeBind.Functions.Tests.Support;

/// <summary>Records what would have been put on a queue, or fails like an unreachable queue service.</summary>
internal sealed class FakeQueueSender : IQueueSender
{
    public ConcurrentQueue<(string Queue, string Text, TimeSpan Delay)> Sent { get; } = new();

    /// <summary>When set, every send throws this.</summary>
    public Exception? Failure { get; set; }

    public Task SendAsync(string queueName, string messageText, TimeSpan visibilityDelay, CancellationToken cancellationToken)
    {
        if (Failure is not null)
        {
            return Task.FromException(Failure);
        }

        Sent.Enqueue((queueName, messageText, visibilityDelay));
        return Task.CompletedTask;
    }
}
