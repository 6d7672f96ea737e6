using System.Net;
using System.Text.Json.Nodes;

namespace KubeBind.DevApiServer.Api;

/// <summary>A request failure that becomes a Kubernetes <c>Status</c> body with the matching reason and code.</summary>
internal sealed class ApiException : Exception
{
    public ApiException(HttpStatusCode code, string reason, string message, StatusDetails? details = null)
        : base(message)
    {
        Code = code;
        Reason = reason;
        Details = details;
    }

    public HttpStatusCode Code { get; }

    public string Reason { get; }

    public StatusDetails? Details { get; }

    /// <summary>Response headers to send with the error, such as <c>Retry-After</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static ApiException NotFound(GroupResource resource, string name) =>
        new(HttpStatusCode.NotFound, "NotFound", $"{resource} \"{name}\" not found", StatusDetails.ForResource(resource, name));

    public static ApiException AlreadyExists(GroupResource resource, string name) =>
        new(HttpStatusCode.Conflict, "AlreadyExists", $"{resource} \"{name}\" already exists", StatusDetails.ForResource(resource, name));

    public static ApiException Conflict(GroupResource resource, string name, string why) =>
        new(HttpStatusCode.Conflict, "Conflict", $"Operation cannot be fulfilled on {resource} \"{name}\": {why}", StatusDetails.ForResource(resource, name));

    public static ApiException StaleResourceVersion(GroupResource resource, string name) =>
        Conflict(resource, name, "the object has been modified; please apply your changes to the latest version and try again");

    public static ApiException Invalid(string group, string kind, string name, IReadOnlyList<StatusCause> causes)
    {
        var qualified = string.IsNullOrEmpty(group) ? kind : $"{kind}.{group}";
        var errors = causes.Select(c => string.IsNullOrEmpty(c.Field) ? c.Message : $"{c.Field}: {c.Message}").ToList();
        var summary = errors.Count == 1 ? errors[0] : $"[{string.Join(", ", errors)}]";
        return new(
            (HttpStatusCode)422,
            "Invalid",
            $"{qualified} \"{name}\" is invalid: {summary}",
            new StatusDetails { Name = name, Group = group, Kind = kind, Causes = causes });
    }

    public static ApiException Forbidden(GroupResource resource, string name, string why)
    {
        var subject = string.IsNullOrEmpty(name) ? resource.ToString() : $"{resource} \"{name}\"";
        return new(HttpStatusCode.Forbidden, "Forbidden", $"{subject} is forbidden: {why}", StatusDetails.ForResource(resource, name));
    }

    public static ApiException Unauthorized() =>
        new(HttpStatusCode.Unauthorized, "Unauthorized", "Unauthorized");

    public static ApiException BadRequest(string message) =>
        new(HttpStatusCode.BadRequest, "BadRequest", message);

    public static ApiException MethodNotAllowed() =>
        new(HttpStatusCode.MethodNotAllowed, "MethodNotAllowed", "the server does not allow this method on the requested resource");

    public static ApiException UnsupportedMediaType(string contentType, IEnumerable<string> accepted) =>
        new(
            HttpStatusCode.UnsupportedMediaType,
            "UnsupportedMediaType",
            $"the body of the request was in an unknown format - accepted media types include: {string.Join(", ", accepted)}");

    public static ApiException NotAcceptable(string accept) =>
        new(HttpStatusCode.NotAcceptable, "NotAcceptable", $"only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf (requested {accept})");

    public static ApiException Expired(string message) =>
        new(HttpStatusCode.Gone, "Expired", message);

    public static ApiException Gone(string message) =>
        new(HttpStatusCode.Gone, "Gone", message);

    public static ApiException TooLarge() =>
        new(HttpStatusCode.RequestEntityTooLarge, "RequestEntityTooLarge", "the server has received a request that is too large");

    public static ApiException RouteNotFound() =>
        new(HttpStatusCode.NotFound, "NotFound", "the server could not find the requested resource");

    public static ApiException Internal(string message) =>
        new(HttpStatusCode.InternalServerError, "InternalError", $"Internal error occurred: {message}");

    /// <summary>The Kubernetes <c>Status</c> object for this failure.</summary>
    public JsonObject ToStatus()
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = Message,
            ["reason"] = Reason,
        };
        if (Details is not null)
        {
            status["details"] = Details.ToJson();
        }

        status["code"] = (int)Code;
        return status;
    }
}
