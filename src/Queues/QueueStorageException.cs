using System.Net;
using KubeBind.Queues.Rest;

namespace KubeBind.Queues;

/// <summary>
/// A queue operation that failed: the service's answer (status and <c>x-ms-error-code</c>), or no answer at all
/// (<see cref="StatusCode"/> is null, the transport error is the inner exception). Catch with filters:
/// <c>catch (QueueStorageException e) when (e.IsQueueNotFound)</c>.
/// </summary>
public sealed class QueueStorageException : Exception
{
    /// <summary>Creates the exception for a failed operation.</summary>
    public QueueStorageException(HttpStatusCode? statusCode, string? errorCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    /// <summary>Creates an exception without a status.</summary>
    public QueueStorageException()
        : this(null, null, "the queue operation failed")
    {
    }

    /// <summary>Creates an exception without a status.</summary>
    public QueueStorageException(string message)
        : this(null, null, message)
    {
    }

    /// <summary>Creates an exception without a status.</summary>
    public QueueStorageException(string message, Exception innerException)
        : this(null, null, message, innerException)
    {
    }

    /// <summary>The HTTP status the service answered with; null when no answer arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The service's error code (the <c>x-ms-error-code</c> header), e.g. <c>QueueNotFound</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary>The queue does not exist (404 QueueNotFound).</summary>
    public bool IsQueueNotFound => ErrorCode == "QueueNotFound";

    /// <summary>The queue exists already with other metadata (409 QueueAlreadyExists).</summary>
    public bool IsQueueAlreadyExists => ErrorCode == "QueueAlreadyExists";

    /// <summary>The message is gone or the pop receipt is stale (404 MessageNotFound, 400 PopReceiptMismatch).</summary>
    public bool IsMessageNotFound => ErrorCode is "MessageNotFound" or "PopReceiptMismatch";

    /// <summary>The key or token was rejected (403 AuthenticationFailed, or 401).</summary>
    public bool IsAuthenticationFailed => ErrorCode == "AuthenticationFailed" || StatusCode == HttpStatusCode.Unauthorized;

    /// <summary>A failure that may go away on its own: no answer, a timeout, or a 5xx.</summary>
    public bool IsTransient => StatusCode is null || QueueErrors.IsTransient(StatusCode.Value);
}
