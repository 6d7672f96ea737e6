using KubeBind.Api.Queues;
using KubeBind.Functions.Catalog;
using Microsoft.Extensions.Logging;

namespace KubeBind.Functions.ExportRequests;

/// <summary>
/// Handles one <see cref="QueueNames.ExportRequests"/> message: parses the key, reconciles the request and asks the
/// host to come back when the reconciler wants to. API errors propagate, so the host retries the message.
/// </summary>
internal sealed class ExportRequestHandler(ExportRequestReconciler reconciler, ILogger<ExportRequestHandler> logger) : IQueueHandler
{
    public async Task<QueueResult> HandleAsync(QueueInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ReconcileMessage message;
        try
        {
            message = ReconcileMessage.Parse(invocation.MessageText);
        }
        catch (FormatException e)
        {
            // Retrying cannot fix a message; completing it keeps it from cycling into the poison queue.
            ExportRequestLog.MalformedMessage(logger, invocation.MessageId, invocation.QueueName, e.Message);
            return QueueResult.Done;
        }

        if (!ReconcileTargets.ExportRequests.Accepts(message) || string.IsNullOrEmpty(message.Namespace))
        {
            ExportRequestLog.MalformedMessage(logger, invocation.MessageId, invocation.QueueName, $"expected a namespaced {ReconcileTargets.ExportRequests.Kind}, got {message.Kind} '{message.Key}'");
            return QueueResult.Done;
        }

        var outcome = await reconciler.ReconcileAsync(message.Namespace, message.Name, cancellationToken).ConfigureAwait(false);
        return outcome.RequeueAfter is { } delay ? QueueResult.After(delay) : QueueResult.Done;
    }
}
