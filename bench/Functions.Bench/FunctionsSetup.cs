using KubeBind.Queues.Listening;

namespace KubeBind.Functions.Bench;

/// <summary>How the function app runs for a set of figures: which host.json its listener follows, and whether its client is rate limited.</summary>
/// <param name="Label">How the figures name it.</param>
/// <param name="HostJsonPath">The host.json of the queue listener (standalone mode reads <c>extensions.queues</c>).</param>
/// <param name="ClientRateLimit">True: the app's Kubernetes client as deployed (50 QPS, burst 100); false: unlimited.</param>
internal sealed record FunctionsSetup(string Label, string HostJsonPath, bool ClientRateLimit)
{
    /// <summary>The listener's settings from <see cref="HostJsonPath"/>, as the app reads them.</summary>
    public QueueListenerOptions Queues => HostJsonQueueSettings.Read(HostJsonPath);

    /// <summary>
    /// How long an empty queue must stay empty before the listener polls only every <c>maxPollingInterval</c>: its
    /// waits double from the minimum, with up to 20 % jitter, until they reach the maximum.
    /// </summary>
    public TimeSpan FullBackoff
    {
        get
        {
            var queues = Queues;
            var total = TimeSpan.Zero;
            for (var wait = queues.MinPollingInterval; wait < queues.MaxPollingInterval; wait *= 2)
            {
                total += wait;
            }

            return total * 1.2;
        }
    }
}
