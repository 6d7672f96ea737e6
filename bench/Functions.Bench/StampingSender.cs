using System.Collections.Concurrent;
using System.Diagnostics;
using KubeBind.Api.Queues;
using KubeBind.WatchBridge.Sending;

namespace KubeBind.Functions.Bench;

/// <summary>
/// Passes every message on to the bridge's real sender and notes when the first message for each object was
/// accepted by the queue, which splits a request's latency into "until queued" and "queued until Succeeded".
/// </summary>
internal sealed class StampingSender(IMessageSender inner) : IMessageSender
{
    private readonly ConcurrentDictionary<string, long> _firstSent = new(StringComparer.Ordinal);

    /// <summary>The <see cref="Stopwatch"/> timestamp at which the first message naming <c>ns/name</c> was on its queue.</summary>
    public long? FirstSent(string ns, string name) => _firstSent.TryGetValue($"{ns}/{name}", out var at) ? at : null;

    public async Task SendAsync(string queueName, string messageText, CancellationToken cancellationToken)
    {
        await inner.SendAsync(queueName, messageText, cancellationToken);
        _firstSent.TryAdd(ReconcileMessage.Parse(messageText).Key, Stopwatch.GetTimestamp());
    }
}
