using Microsoft.Extensions.Logging;

namespace KubeBind.Functions.ExportRequests;

/// <summary>The export-request function's log lines, with stable event ids (5xx).</summary>
internal static partial class ExportRequestLog
{
    private static readonly Func<ILogger, string, string, IDisposable?> ReconcileScope =
        LoggerMessage.DefineScope<string, string>("APIServiceExportRequest {Namespace}/{Name}");

    /// <summary>The scope around one reconcile, carrying the request's key.</summary>
    public static IDisposable? BeginReconcile(ILogger logger, string @namespace, string name) => ReconcileScope(logger, @namespace, name);

    [LoggerMessage(EventId = 500, Level = LogLevel.Debug, Message = "APIServiceExportRequest {Namespace}/{Name} is gone; nothing to do")]
    public static partial void RequestGone(ILogger logger, string @namespace, string name);

    [LoggerMessage(EventId = 501, Level = LogLevel.Debug, Message = "Conflict on attempt {Attempt} for {Namespace}/{Name}; reading it again")]
    public static partial void ConflictRetry(ILogger logger, Exception exception, int attempt, string @namespace, string name);

    [LoggerMessage(EventId = 502, Level = LogLevel.Information, Message = "Created BoundSchema {Namespace}/{Name}")]
    public static partial void BoundSchemaCreated(ILogger logger, string @namespace, string name);

    [LoggerMessage(EventId = 503, Level = LogLevel.Information, Message = "Updated BoundSchema {Namespace}/{Name} (owner added: {OwnerAdded}, spec replaced: {SpecReplaced})")]
    public static partial void BoundSchemaUpdated(ILogger logger, string @namespace, string name, bool ownerAdded, bool specReplaced);

    [LoggerMessage(EventId = 504, Level = LogLevel.Information, Message = "Created APIServiceExport {Namespace}/{Name}")]
    public static partial void ExportCreated(ILogger logger, string @namespace, string name);

    [LoggerMessage(EventId = 505, Level = LogLevel.Information, Message = "Created APIServiceNamespace {Namespace}/{Name}")]
    public static partial void ApiServiceNamespaceCreated(ILogger logger, string @namespace, string name);

    [LoggerMessage(EventId = 506, Level = LogLevel.Information, Message = "APIServiceExportRequest {Namespace}/{Name} waits: {Reason}: {Message}")]
    public static partial void RequestWaiting(ILogger logger, string @namespace, string name, string reason, string message);

    [LoggerMessage(EventId = 507, Level = LogLevel.Warning, Message = "APIServiceExportRequest {Namespace}/{Name} failed: {Message}")]
    public static partial void RequestFailed(ILogger logger, string @namespace, string name, string message);

    [LoggerMessage(EventId = 508, Level = LogLevel.Information, Message = "APIServiceExportRequest {Namespace}/{Name} succeeded")]
    public static partial void RequestSucceeded(ILogger logger, string @namespace, string name);

    [LoggerMessage(EventId = 509, Level = LogLevel.Information, Message = "Deleted APIServiceExportRequest {Namespace}/{Name}, created {Age} ago")]
    public static partial void RequestPruned(ILogger logger, string @namespace, string name, TimeSpan age);

    [LoggerMessage(EventId = 510, Level = LogLevel.Warning, Message = "The APIServiceExport of succeeded request {Namespace}/{Name} is gone; it is not created again")]
    public static partial void ExportGone(ILogger logger, string @namespace, string name);

    [LoggerMessage(EventId = 511, Level = LogLevel.Warning, Message = "Could not write the status of {Namespace}/{Name} after a failed step")]
    public static partial void StatusWriteFailed(ILogger logger, Exception exception, string @namespace, string name);

    [LoggerMessage(EventId = 512, Level = LogLevel.Warning, Message = "Skipping exported CRD {Name}: it cannot be read as a BoundSchema")]
    public static partial void SchemaSkipped(ILogger logger, Exception exception, string name);

    [LoggerMessage(EventId = 520, Level = LogLevel.Error, Message = "Dropping malformed message {MessageId} from {Queue}: {Reason}")]
    public static partial void MalformedMessage(ILogger logger, string? messageId, string queue, string reason);
}
