using KubeBind.Kubernetes;
using KubeBind.Kubernetes.LeaderElection;
using KubeBind.WatchBridge.Hosting;
using Microsoft.Extensions.Options;

namespace KubeBind.WatchBridge.Bridge;

/// <summary>
/// Wiring: stands for the lease and runs the <see cref="BridgePipeline"/> only while leading, so one bridge sends
/// at a time; losing the lease stops the pipeline, and the candidate stands again.
/// </summary>
internal sealed class BridgeController(
    KubernetesClient client,
    BridgePipeline pipeline,
    BridgeStatus status,
    IOptions<WatchBridgeOptions> options,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger<BridgeController>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lease = options.Value.Lease;
        var elector = new LeaderElector(
            client,
            new LeaderElectorOptions
            {
                LeaseNamespace = lease.Namespace,
                LeaseName = lease.Name,
                Identity = status.Identity,
                LeaseDuration = lease.Duration,
                RenewDeadline = lease.RenewDeadline,
                RetryPeriod = lease.RetryPeriod,
                // Shutting down hands the lease over at once instead of after LeaseDuration.
                ReleaseOnCancel = true,
                OnStartedLeading = LeadAsync,
                OnStoppedLeading = () => status.IsLeader = false,
                OnNewLeader = leader =>
                {
                    status.Leader = leader;
                    WatchBridgeLog.NewLeader(_logger, leader, status.Identity);
                },
            },
            loggers.CreateLogger<LeaderElector>(),
            time);

        status.IsStanding = true;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await elector.RunAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    WatchBridgeLog.TermFailed(_logger, e);
                }

                // Lost the lease (or the term failed): pause one retry period, then stand again.
                await Task.Delay(lease.RetryPeriod, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        finally
        {
            status.IsStanding = false;
        }
    }

    private async Task LeadAsync(CancellationToken leading)
    {
        status.IsLeader = true;
        WatchBridgeLog.Leading(_logger, status.Identity, options.Value.Lease.Namespace, options.Value.Lease.Name);
        await pipeline.RunAsync(leading);
    }
}
