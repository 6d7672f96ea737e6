using System.Reflection;
using KubeBind.Functions.Catalog;
using Microsoft.Extensions.Options;

namespace KubeBind.Functions.Health;

/// <summary>
/// <c>GET /api/healthz</c>: a liveness answer that also shows which build runs, in which mode, serving which functions,
/// so a deployment can be checked (and HTTP forwarding proven) with one request.
/// </summary>
internal sealed class HealthHandler : IHttpHandler
{
    private static readonly string Version =
        typeof(HealthHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private readonly FunctionCatalog _catalog;
    private readonly FunctionsOptions _options;

    public HealthHandler(FunctionCatalog catalog, IOptions<FunctionsOptions> options)
    {
        _catalog = catalog;
        _options = options.Value;
    }

    public Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var report = new HealthReport
        {
            Version = Version,
            Mode = _options.Mode.ToString(),
            Functions = [.. _catalog.Functions.Select(Describe)],
        };
        return Task.FromResult(Results.Json(report, HealthJsonContext.Default.HealthReport));
    }

    private static HealthFunction Describe(FunctionDefinition function) => function.Trigger switch
    {
        QueueTrigger queue => new HealthFunction { Name = function.Name, Trigger = "queue", Queue = queue.QueueName },
        HttpTrigger http => new HealthFunction { Name = function.Name, Trigger = "http", Path = http.Path, Methods = http.Methods },
        _ => new HealthFunction { Name = function.Name, Trigger = "unknown" },
    };
}
