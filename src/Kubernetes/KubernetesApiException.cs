using System.Net;
using KubeBind.Kubernetes.Models;

namespace KubeBind.Kubernetes;

/// <summary>
/// A request the API server refused, carrying its Status. Catch with filters:
/// <c>catch (KubernetesApiException e) when (e.IsNotFound)</c>.
/// </summary>
public sealed class KubernetesApiException : Exception
{
    public KubernetesApiException(HttpStatusCode statusCode, Status status, string? requestDescription = null)
        : base(Describe(statusCode, status, requestDescription))
    {
        StatusCode = statusCode;
        Status = status;
    }

    public KubernetesApiException()
        : this(HttpStatusCode.InternalServerError, new Status())
    {
    }

    public KubernetesApiException(string message)
        : base(message)
    {
        Status = new Status { Message = message };
    }

    public KubernetesApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = new Status { Message = message };
    }

    /// <summary>The HTTP status code of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The server's Status (synthesized from the status code when the body was not one).</summary>
    public Status Status { get; }

    /// <summary>The Status reason, e.g. <c>NotFound</c>.</summary>
    public string Reason => Status.Reason ?? string.Empty;

    public bool IsNotFound => Is("NotFound", HttpStatusCode.NotFound);

    public bool IsAlreadyExists => Reason == "AlreadyExists";

    /// <summary>An optimistic-concurrency conflict (stale resourceVersion) or a server-side apply field conflict.</summary>
    public bool IsConflict => Reason == "Conflict" || (StatusCode == HttpStatusCode.Conflict && Reason.Length == 0);

    /// <summary>The resourceVersion is too old (410 Gone or Expired): relist.</summary>
    public bool IsGone => Reason is "Gone" or "Expired" || StatusCode == HttpStatusCode.Gone;

    public bool IsForbidden => Is("Forbidden", HttpStatusCode.Forbidden);

    public bool IsUnauthorized => Is("Unauthorized", HttpStatusCode.Unauthorized);

    public bool IsInvalid => Reason == "Invalid" || StatusCode == HttpStatusCode.UnprocessableEntity;

    public bool IsBadRequest => Is("BadRequest", HttpStatusCode.BadRequest);

    public bool IsTooManyRequests => Is("TooManyRequests", HttpStatusCode.TooManyRequests);

    public bool IsMethodNotAllowed => Is("MethodNotAllowed", HttpStatusCode.MethodNotAllowed);

    /// <summary>The per-field causes of an Invalid or Conflict answer.</summary>
    public IReadOnlyList<StatusCause> Causes => Status.Details?.Causes ?? [];

    private bool Is(string reason, HttpStatusCode code) => Reason == reason || (Reason.Length == 0 && StatusCode == code);

    private static string Describe(HttpStatusCode code, Status status, string? request)
    {
        var what = request is null ? string.Empty : $"{request}: ";
        var reason = string.IsNullOrEmpty(status.Reason) ? code.ToString() : status.Reason;
        return $"{what}{(int)code} {reason}: {status.Message}";
    }
}
