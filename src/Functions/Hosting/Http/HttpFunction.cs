using KubeBind.Functions.Catalog;

namespace KubeBind.Functions.Hosting.Http;

/// <summary>
/// Serves an HTTP-triggered function at its <c>/api/...</c> route, in both modes: under the Functions host the request
/// arrives forwarded as-is (<c>enableForwardingHttpRequest</c>), in standalone mode straight from the client.
/// </summary>
internal sealed class HttpFunction
{
    private static readonly Func<ILogger, string, string, IDisposable?> InvocationScope =
        LoggerMessage.DefineScope<string, string>("{FunctionName} request {RequestId}");

    private readonly ILogger<HttpFunction> _logger;

    public HttpFunction(ILogger<HttpFunction> logger) => _logger = logger;

    public async Task InvokeAsync(HttpContext context, FunctionDefinition function)
    {
        using var scope = InvocationScope(_logger, function.Name, context.TraceIdentifier);
        var handler = (IHttpHandler)context.RequestServices.GetRequiredService(function.HandlerType);
        var result = await handler.HandleAsync(context, context.RequestAborted);
        await result.ExecuteAsync(context);
    }
}
