using KubeBind.Api.Queues;
using KubeBind.Functions.Catalog;

namespace KubeBind.Functions.Invocation;

/// <summary>
/// Runs one delivery of a queue message through its function's handler, the same way in both hosts: a DI scope and a
/// log scope per invocation, the handler, then the delayed copy a <see cref="QueueResult.RequeueAfter"/> asks for.
/// A thrown exception means the invocation failed and the message must stay on the queue.
/// </summary>
internal sealed partial class QueueFunction
{
    private static readonly Func<ILogger, string, string, string, long, IDisposable?> InvocationScope =
        LoggerMessage.DefineScope<string, string, string, long>("{FunctionName} message {MessageId} key {Key} dequeue {DequeueCount}");

    private readonly IServiceScopeFactory _scopes;
    private readonly IQueueSender _sender;
    private readonly TimeProvider _time;
    private readonly ILogger<QueueFunction> _logger;

    public QueueFunction(IServiceScopeFactory scopes, IQueueSender sender, TimeProvider time, ILogger<QueueFunction> logger)
    {
        _scopes = scopes;
        _sender = sender;
        _time = time;
        _logger = logger;
    }

    /// <summary>Handles the delivery; returns the handler's result once any requeue copy is on the queue.</summary>
    public async Task<QueueResult> InvokeAsync(FunctionDefinition function, QueueInvocation invocation, CancellationToken cancellationToken)
    {
        var key = KeyOf(invocation.MessageText);
        using var scope = InvocationScope(_logger, function.Name, invocation.MessageId ?? "-", key, invocation.DequeueCount);
        var started = _time.GetTimestamp();
        QueueResult result;
        try
        {
            await using var services = _scopes.CreateAsyncScope();
            var handler = (IQueueHandler)services.ServiceProvider.GetRequiredService(function.HandlerType);
            result = await handler.HandleAsync(invocation, cancellationToken);
            if (result.RequeueAfter is { } delay)
            {
                await _sender.SendAsync(invocation.QueueName, invocation.MessageText, delay, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Failed(_logger, e, function.Name, key, invocation.DequeueCount);
            throw;
        }

        var elapsed = _time.GetElapsedTime(started).TotalMilliseconds;
        if (result.RequeueAfter is { } after)
        {
            Requeued(_logger, function.Name, key, elapsed, after);
        }
        else
        {
            Completed(_logger, function.Name, key, elapsed);
        }

        return result;
    }

    /// <summary>The reconcile key the message names, for logs; messages of other shapes are logged as <c>-</c>.</summary>
    internal static string KeyOf(string messageText)
    {
        try
        {
            return ReconcileMessage.Parse(messageText).Key;
        }
        catch (FormatException)
        {
            return "-";
        }
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "{FunctionName} handled {Key} in {ElapsedMs:0.0} ms")]
    private static partial void Completed(ILogger logger, string functionName, string key, double elapsedMs);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "{FunctionName} handled {Key} in {ElapsedMs:0.0} ms and looks again in {RequeueAfter}")]
    private static partial void Requeued(ILogger logger, string functionName, string key, double elapsedMs, TimeSpan requeueAfter);

    [LoggerMessage(EventId = 102, Level = LogLevel.Error, Message = "{FunctionName} failed on {Key} (delivery {DequeueCount}); the message stays on the queue")]
    private static partial void Failed(ILogger logger, Exception exception, string functionName, string key, long dequeueCount);
}
