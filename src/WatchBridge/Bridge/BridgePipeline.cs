using KubeBind.Kubernetes;
using KubeBind.Kubernetes.Caching;
using KubeBind.WatchBridge.Hosting;
using KubeBind.WatchBridge.Metrics;
using KubeBind.WatchBridge.Routing;
using KubeBind.WatchBridge.Sending;
using Microsoft.Extensions.Options;

namespace KubeBind.WatchBridge.Bridge;

/// <summary>
/// One leadership term of the bridge: informers over every source → routing → outbox → sender, a resync as soon
/// as the informers have listed (so a new leader or a restart loses nothing), and a periodic resync after that.
/// </summary>
internal sealed class BridgePipeline(
    KubernetesClient client,
    RoutingTable table,
    IMessageSender sender,
    BridgeMetrics metrics,
    BridgeStatus status,
    IOptions<WatchBridgeOptions> options,
    TimeProvider time,
    ILogger<BridgePipeline> logger)
{
    /// <summary>Runs until <paramref name="cancellationToken"/> fires (leadership ends); then sends nothing more.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        // Every way out of this method stops the pumps and workers, not only a cancelled term.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var factory = new InformerFactory(client, time);
        using var outbox = new Outbox(sender, metrics, logger, time: time);
        var pumps = new List<Task>();
        var workers = Task.CompletedTask;
        try
        {
            var informers = table.Sources.Select(s => s.CreateInformer(client, factory)).ToList();
            var caches = new InformerCaches(informers);
            foreach (var informer in informers)
            {
                var kind = informer.Source.Kind;
                informer.Error += e => WatchBridgeLog.InformerFailed(logger, e, kind);
            }

            workers = outbox.RunAsync(settings.Workers, stop.Token);
            status.Attach(outbox);
            await factory.StartAsync(stop.Token);
            // Events are routed from here on; the start-up resync stands for everything before: it names every
            // reconcilable object once (cause Resync), instead of an "Added" for each object of each first list.
            // A change between sync and subscription is in the caches the resync reads, so nothing is lost.
            pumps.AddRange(informers.Select(i => i.PumpAsync(e => Route(e, caches, outbox), stop.Token)));
            Resync(caches, outbox, "startup");
            status.IsSynced = true;
            using var timer = new PeriodicTimer(settings.ResyncPeriod, time);
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                Resync(caches, outbox, "periodic");
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Leadership ended.
        }
        finally
        {
            status.IsSynced = false;
            status.Attach(null);
            outbox.ShutDown();
            await stop.CancelAsync();
            await factory.DisposeAsync();
            await Task.WhenAll(pumps).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await workers.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private void Route(SourceEvent change, InformerCaches caches, Outbox outbox)
    {
        try
        {
            foreach (var item in table.Route(change, caches))
            {
                outbox.Enqueue(item);
            }
        }
#pragma warning disable CA1031 // A faulty route must not stop the pump; the object is covered again by the next resync.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var name = change.Source.NameOf(change.Object);
            WatchBridgeLog.RouteFailed(logger, e, change.Source.Kind, name.ToString());
        }

        // Counted once its items are queued, so "seen and nothing waiting" means "sent".
        metrics.EventSeen(change.Source.Kind, change.Event);
    }

    private void Resync(InformerCaches caches, Outbox outbox, string reason)
    {
        var items = table.Resync(caches);
        foreach (var item in items)
        {
            outbox.Enqueue(item);
        }

        metrics.Resynced(reason);
        WatchBridgeLog.Resynced(logger, reason, items.Count);
    }
}
