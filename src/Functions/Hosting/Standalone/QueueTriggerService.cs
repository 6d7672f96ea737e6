using KubeBind.Functions.Catalog;
using KubeBind.Functions.Invocation;

namespace KubeBind.Functions.Hosting.Standalone;

/// <summary>One queue function in standalone mode: its queue's messages, through <see cref="QueueFunction"/>, for the app's lifetime.</summary>
internal sealed partial class QueueTriggerService : BackgroundService
{
    private readonly FunctionDefinition _function;
    private readonly IQueueTriggerSource _source;
    private readonly QueueFunction _queueFunction;
    private readonly ILogger<QueueTriggerService> _logger;

    public QueueTriggerService(FunctionDefinition function, IQueueTriggerSource source, QueueFunction queueFunction, ILogger<QueueTriggerService> logger)
    {
        _function = function;
        _source = source;
        _queueFunction = queueFunction;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var trigger = (QueueTrigger)_function.Trigger;
        Listening(_logger, _function.Name, trigger.QueueName);
        try
        {
            await _source.RunAsync(_function, trigger, (invocation, cancellationToken) => _queueFunction.InvokeAsync(_function, invocation, cancellationToken), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception e)
        {
            Stopped(_logger, e, _function.Name, trigger.QueueName);
            throw;
        }
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "{FunctionName} listens on queue {QueueName}")]
    private static partial void Listening(ILogger logger, string functionName, string queueName);

    [LoggerMessage(EventId = 201, Level = LogLevel.Critical, Message = "{FunctionName} stopped listening on queue {QueueName}")]
    private static partial void Stopped(ILogger logger, Exception exception, string functionName, string queueName);
}
