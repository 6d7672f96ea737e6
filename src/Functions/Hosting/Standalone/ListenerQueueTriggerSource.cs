using System.Diagnostics.Metrics;
using KubeBind.Functions.Catalog;
using KubeBind.Queues;
using KubeBind.Queues.Listening;
using Microsoft.Extensions.Options;

namespace KubeBind.Functions.Hosting.Standalone;

/// <summary>
/// Feeds a queue function from KubeBind.Queues' <see cref="QueueListener"/>, configured from host.json's
/// <c>extensions.queues</c> so standalone mode delivers exactly as the Functions host would.
/// </summary>
internal sealed class ListenerQueueTriggerSource : IQueueTriggerSource
{
    private readonly QueueServiceClient _service;
    private readonly Lazy<QueueListenerOptions> _settings;
    private readonly ILoggerFactory _loggers;
    private readonly TimeProvider _time;
    private readonly IMeterFactory? _meters;

    public ListenerQueueTriggerSource(QueueServiceClient service, IOptions<FunctionsOptions> options, ILoggerFactory loggers, TimeProvider time, IMeterFactory? meters = null)
    {
        _service = service;
        _loggers = loggers;
        _time = time;
        _meters = meters;
        // The options validator has already read this file once, so a bad host.json never gets this far.
        _settings = new Lazy<QueueListenerOptions>(() => HostJsonQueueSettings.Read(options.Value.ResolveHostJsonPath()!));
    }

    public Task RunAsync(FunctionDefinition function, QueueTrigger trigger, Func<QueueInvocation, CancellationToken, Task> handle, CancellationToken cancellationToken)
    {
        if (trigger.Connection != QueueTrigger.DefaultConnection)
        {
            throw new NotSupportedException($"Function '{function.Name}' reads its queue through '{trigger.Connection}'; standalone mode only knows {QueueTrigger.DefaultConnection}.");
        }

        var listener = new QueueListener(
            _service,
            trigger.QueueName,
            async (message, token) =>
            {
                // QueueFunction has already sent any requeue copy, the same way in both modes.
                await handle(ToInvocation(function, trigger, message), token);
                return QueueHandlerOutcome.Done;
            },
            _settings.Value,
            _loggers.CreateLogger<QueueListener>(),
            _time,
            _meters);
        return listener.RunAsync(cancellationToken);
    }

    internal static QueueInvocation ToInvocation(FunctionDefinition function, QueueTrigger trigger, QueueMessage message) => new()
    {
        FunctionName = function.Name,
        QueueName = trigger.QueueName,
        MessageText = message.Text,
        DequeueCount = message.DequeueCount,
        MessageId = message.MessageId,
        InsertedAt = message.InsertedOn,
    };
}
