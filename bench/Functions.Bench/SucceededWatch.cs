using System.Collections.Concurrent;
using System.Diagnostics;
using KubeBind.Api.V1Alpha2;
using KubeBind.Kubernetes.Rest;

namespace KubeBind.Functions.Bench;

/// <summary>
/// One watch on APIServiceExportRequests in all namespaces that notes when each request is first seen Succeeded, so
/// latencies end at the watch event rather than at the next tick of a poll.
/// </summary>
internal sealed class SucceededWatch : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(string Namespace, string Name), TaskCompletionSource<long>> _succeeded = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;

    private SucceededWatch(ResourceClient<ApiServiceExportRequest> requests, string resourceVersion)
    {
        _pump = PumpAsync(requests, resourceVersion, _stop.Token);
    }

    /// <summary>Starts watching from now: every request created after this call is seen.</summary>
    public static async Task<SucceededWatch> StartAsync(ResourceClient<ApiServiceExportRequest> requests)
    {
        var now = await requests.ListPageAsync(options: new ListOptions { Limit = 1 });
        return new SucceededWatch(requests, now.ResourceVersion);
    }

    /// <summary>The <see cref="Stopwatch"/> timestamp at which the request's Succeeded phase reached the watch.</summary>
    public Task<long> WhenSucceededAsync(string ns, string name) => Entry(ns, name).Task;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pump.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task PumpAsync(ResourceClient<ApiServiceExportRequest> requests, string resourceVersion, CancellationToken cancellationToken)
    {
        var options = new WatchOptions { ResourceVersion = resourceVersion };
        try
        {
            await foreach (var change in requests.WatchAsync(options: options, cancellationToken: cancellationToken))
            {
                // Status may be null: source-generated JSON leaves absent init properties null (see the reconciler's doc).
                if (change.Type is WatchEventType.Added or WatchEventType.Modified && change.Object.Status?.Phase == RequestPhase.Succeeded)
                {
                    Entry(change.Object.Metadata.Namespace!, change.Object.Metadata.Name!).TrySetResult(Stopwatch.GetTimestamp());
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whoever waits learns why instead of timing out.
            foreach (var waiting in _succeeded.Values)
            {
                waiting.TrySetException(e);
            }

            throw;
        }
    }

    private TaskCompletionSource<long> Entry(string ns, string name) =>
        _succeeded.GetOrAdd((ns, name), _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
}
