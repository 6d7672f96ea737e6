namespace KubeBind.Functions.Catalog;

/// <summary>An HTTP trigger, forwarded as-is to the app and served at <c>/api/{Route}</c>.</summary>
public sealed record HttpTrigger : FunctionTrigger
{
    /// <summary>The Functions host's default route prefix, which host.json keeps (<c>extensions.http.routePrefix</c>).</summary>
    public const string RoutePrefix = "api";

    /// <summary>The route template below the prefix, without a leading slash, e.g. <c>exports/{name}</c>.</summary>
    public required string Route { get; init; }

    /// <summary>The HTTP methods served, upper-case.</summary>
    public required IReadOnlyList<string> Methods { get; init; }

    /// <summary>Which key the Functions host demands before forwarding a request.</summary>
    public HttpAuthLevel AuthLevel { get; init; } = HttpAuthLevel.Anonymous;

    /// <summary>The absolute path template the request arrives at, e.g. <c>/api/healthz</c>.</summary>
    public string Path => $"/{RoutePrefix}/{Route}";

    public override Type HandlerInterface => typeof(IHttpHandler);
}
