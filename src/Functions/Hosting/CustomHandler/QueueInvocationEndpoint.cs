using System.Text.Json;
using KubeBind.Functions.Catalog;
using KubeBind.Functions.Invocation;

namespace KubeBind.Functions.Hosting.CustomHandler;

/// <summary>
/// <c>POST /{functionName}</c>: the Functions host's call for one queue-triggered invocation. 200 with an
/// <see cref="InvocationResponse"/> completes the message; 500 fails the invocation, so the host leaves the message to
/// reappear after its visibility timeout and moves it to the poison queue after <c>maxDequeueCount</c> attempts.
/// </summary>
internal sealed partial class QueueInvocationEndpoint
{
    private readonly FunctionCatalog _catalog;
    private readonly QueueFunction _queueFunction;
    private readonly ILogger<QueueInvocationEndpoint> _logger;

    public QueueInvocationEndpoint(FunctionCatalog catalog, QueueFunction queueFunction, ILogger<QueueInvocationEndpoint> logger)
    {
        _catalog = catalog;
        _queueFunction = queueFunction;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var result = await InvokeAsync(context, (string)context.GetRouteValue("functionName")!, context.RequestAborted);
        await result.ExecuteAsync(context);
    }

    private async Task<IResult> InvokeAsync(HttpContext context, string functionName, CancellationToken cancellationToken)
    {
        if (_catalog.Find(functionName) is not { Trigger: QueueTrigger trigger } function)
        {
            UnknownFunction(_logger, functionName);
            var detail = _catalog.Find(functionName) is { Trigger: HttpTrigger http } httpFunction
                ? $"Function '{httpFunction.Name}' is HTTP-triggered; it is served at {http.Path}, not invoked here."
                : $"No queue function is named '{functionName}'. Queue functions: {string.Join(", ", _catalog.QueueFunctions.Select(f => f.Name).DefaultIfEmpty("none"))}.";
            return Results.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Unknown function");
        }

        QueueInvocation invocation;
        try
        {
            using var payload = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: cancellationToken);
            invocation = InvocationRequestReader.ReadQueueInvocation(payload.RootElement, function, trigger);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            var detail = e is JsonException ? $"The invocation request is not JSON: {e.Message}" : e.Message;
            BadRequest(_logger, function.Name, detail);
            return Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad invocation request");
        }

        var key = QueueFunction.KeyOf(invocation.MessageText);
        try
        {
            var result = await _queueFunction.InvokeAsync(function, invocation, cancellationToken);
            var line = result.RequeueAfter is { } delay
                ? $"{function.Name} handled {key}; a copy returns in {delay}"
                : $"{function.Name} handled {key}";
            return Respond(StatusCodes.Status200OK, line);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // QueueFunction has logged the failure with its exception; the host only sees the status code.
            return Respond(StatusCodes.Status500InternalServerError, $"{function.Name} failed on {key} (delivery {invocation.DequeueCount}): {e.GetType().Name}: {e.Message}");
        }
    }

    private static IResult Respond(int statusCode, string line) =>
        Results.Json(new InvocationResponse { Logs = [line] }, CustomHandlerJsonContext.Default.InvocationResponse, statusCode: statusCode);

    [LoggerMessage(EventId = 110, Level = LogLevel.Warning, Message = "The Functions host invoked {FunctionName}, which is no queue function of this app")]
    private static partial void UnknownFunction(ILogger logger, string functionName);

    [LoggerMessage(EventId = 111, Level = LogLevel.Warning, Message = "Rejected an invocation of {FunctionName}: {Problem}")]
    private static partial void BadRequest(ILogger logger, string functionName, string problem);
}
