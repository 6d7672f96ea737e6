using System.Net;
using System.Xml;
using System.Xml.Linq;

namespace KubeBind.Queues.Rest;

/// <summary>Turns the service's error answers into <see cref="QueueStorageException"/>s that say what to do next.</summary>
internal static class QueueErrors
{
    public static bool IsTransient(HttpStatusCode status) => status is HttpStatusCode.RequestTimeout
        or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    public static QueueStorageException FromResponse(string operation, HttpStatusCode status, string? errorCode, string body, int attempts)
    {
        var serverMessage = ServerMessage(body);
        errorCode ??= ServerCode(body);
        var hint = Hint(status, errorCode, attempts);
        var code = errorCode is null ? string.Empty : $" {errorCode}";
        var server = serverMessage is null ? string.Empty : $" (service: {serverMessage})";
        return new QueueStorageException(status, errorCode, $"{operation} failed with {(int)status}{code}: {hint}{server}");
    }

    public static QueueStorageException Unreachable(string operation, Uri endpoint, Exception error, int attempts) =>
        new(null, null, $"{operation} failed: could not reach the queue service at {endpoint.GetLeftPart(UriPartial.Authority)} ({error.Message}); "
            + $"check the endpoint and that the service is running (locally: Azurite){Tries(attempts)}", error);

    private static string Hint(HttpStatusCode status, string? errorCode, int attempts) => errorCode switch
    {
        "QueueNotFound" => "the queue does not exist: create it, or let the listener create it",
        "QueueAlreadyExists" => "the queue exists already with different metadata",
        "QueueBeingDeleted" => "the queue is being deleted: retry in a minute (Azure takes at least 30 s)",
        "MessageNotFound" or "PopReceiptMismatch" => "the message was deleted, or its pop receipt is stale because it was received or updated since",
        "AuthenticationFailed" => "authentication failed: check the account key (and the clock: requests older than 15 minutes are refused)",
        "AuthorizationPermissionMismatch" or "AuthorizationFailure" => "the identity may not do this: grant it the 'Storage Queue Data Contributor' role on the account",
        "InvalidHeaderValue" or "InvalidQueryParameterValue" or "OutOfRangeQueryParameterValue" or "InvalidXmlDocument" or "RequestBodyTooLarge"
            => "the service rejected a value of the request",
        _ when status == HttpStatusCode.Unauthorized => "the token was rejected: check the identity and that the URL is the account's queue endpoint",
        _ when IsTransient(status) => $"the queue service is unavailable or overloaded; retry later{Tries(attempts)}",
        _ => "unexpected answer from the queue service",
    };

    private static string Tries(int attempts) => attempts > 1 ? $" (gave up after {attempts} attempts)" : string.Empty;

    private static string? ServerMessage(string body)
    {
        // The service appends RequestId and Time lines; the first line is the useful one.
        var message = ErrorElement(body, "Message");
        return message?.Split('\n', 2)[0].Trim();
    }

    private static string? ServerCode(string body) => ErrorElement(body, "Code");

    private static string? ErrorElement(string body, string name)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return XDocument.Parse(body).Root?.Element(name)?.Value;
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
