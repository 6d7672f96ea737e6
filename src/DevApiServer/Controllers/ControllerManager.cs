using KubeBind.DevApiServer.Api;
using KubeBind.DevApiServer.Storage;

namespace KubeBind.DevApiServer.Controllers;

/// <summary>
/// Runs the built-in controllers (namespace lifecycle, service accounts and their token Secrets, the root CA
/// ConfigMap, garbage
/// collection, ClusterRole aggregation, CRD cleanup) on the store's change stream, like kube-controller-manager.
/// </summary>
internal sealed partial class ControllerManager : BackgroundService
{
    private static readonly TimeSpan ResyncInterval = TimeSpan.FromMilliseconds(200);
    private readonly ObjectStore _store;
    private readonly IReadOnlyList<IController> _controllers;
    private readonly ILogger<ControllerManager> _logger;

    public ControllerManager(ControllerContext context, ILogger<ControllerManager> logger)
    {
        _store = context.Store;
        _logger = logger;
        _controllers =
        [
            new NamespaceController(context),
            new ServiceAccountController(context),
            new RootCaPublisher(context),
            new GarbageCollector(context),
            new ClusterRoleAggregator(context),
            new CrdCleanupController(context),
        ];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ResyncInterval);
        var tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
        while (!stoppingToken.IsCancellationRequested)
        {
            var change = _store.Changes.WaitToReadAsync(stoppingToken).AsTask();
            try
            {
                if (await Task.WhenAny(change, tick) == tick)
                {
                    await tick;
                    tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
                    Run(c => c.Resync());
                    continue;
                }

                await change;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            while (_store.Changes.TryRead(out var e))
            {
                Run(c => c.OnChange(e));
            }
        }
    }

    private void Run(Action<IController> action)
    {
        foreach (var controller in _controllers)
        {
            try
            {
                action(controller);
            }
            catch (ApiException e)
            {
                // Conflicts and vanished objects are normal between controllers; the next event or resync retries.
                LogControllerError(_logger, controller.GetType().Name, e.Message);
            }
#pragma warning disable CA1031 // One controller's bug must not stop the server or the other controllers; it is logged and retried.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogControllerFailure(_logger, controller.GetType().Name, e);
            }
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Debug, Message = "Controller {Controller} will retry: {Reason}")]
    private static partial void LogControllerError(ILogger logger, string controller, string reason);

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "Controller {Controller} failed")]
    private static partial void LogControllerFailure(ILogger logger, string controller, Exception exception);
}
