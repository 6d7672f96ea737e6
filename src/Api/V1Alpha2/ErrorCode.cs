namespace KubeBind.Api.V1Alpha2;

/// <summary>The <see cref="ErrorResponse.Code"/> values upstream's backend uses.</summary>
public static class ErrorCode
{
    /// <summary>The caller is not signed in.</summary>
    public const string AuthenticationFailed = "AUTHENTICATION_FAILED";

    /// <summary>The caller may not do this.</summary>
    public const string AuthorizationFailed = "AUTHORIZATION_FAILED";

    /// <summary>A requested object does not exist.</summary>
    public const string ResourceNotFound = "RESOURCE_NOT_FOUND";

    /// <summary>Anything else went wrong on the server.</summary>
    public const string InternalError = "INTERNAL_ERROR";

    /// <summary>The request was malformed.</summary>
    public const string BadRequest = "BAD_REQUEST";

    /// <summary>The backend could not reach a cluster (declared upstream, never produced).</summary>
    public const string ClusterConnectionFailed = "CLUSTER_CONNECTION_FAILED";
}
