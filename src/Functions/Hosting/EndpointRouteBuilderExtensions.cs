using KubeBind.Functions.Catalog;
using KubeBind.Functions.Hosting.CustomHandler;
using KubeBind.Functions.Hosting.Http;
using Microsoft.Extensions.Options;

namespace KubeBind.Functions.Hosting;

/// <summary>Maps the catalog's functions onto the app's routes.</summary>
internal static class EndpointRouteBuilderExtensions
{
    /// <summary>
    /// HTTP functions at <c>/api/{route}</c> in both modes; in custom-handler mode also <c>POST /{functionName}</c>
    /// for the host's queue invocations. Anything else is a 404 that says what is served.
    /// </summary>
    public static IEndpointRouteBuilder MapFunctions(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        var catalog = services.GetRequiredService<FunctionCatalog>();
        var http = services.GetRequiredService<HttpFunction>();
        foreach (var function in catalog.HttpFunctions)
        {
            var trigger = (HttpTrigger)function.Trigger;
            endpoints.MapMethods(trigger.Path, trigger.Methods, context => http.InvokeAsync(context, function)).WithDisplayName(function.Name);
        }

        // Without these the fallback below would answer a known route's other methods with 404 instead of 405.
        foreach (var route in catalog.HttpFunctions.Select(f => (HttpTrigger)f.Trigger).GroupBy(t => t.Path, StringComparer.OrdinalIgnoreCase))
        {
            var allow = string.Join(", ", route.SelectMany(t => t.Methods).Distinct());
            endpoints.Map(route.Key, context =>
                {
                    context.Response.Headers.Allow = allow;
                    return Results.Problem($"{route.Key} serves {allow}.", statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method not allowed").ExecuteAsync(context);
                })
                .WithDisplayName($"{route.Key} (other methods)")
                .Add(endpoint => ((RouteEndpointBuilder)endpoint).Order = 1);
        }

        if (services.GetRequiredService<IOptions<FunctionsOptions>>().Value.Mode == FunctionsMode.CustomHandler)
        {
            var queue = services.GetRequiredService<QueueInvocationEndpoint>();
            endpoints.MapPost("/{functionName}", queue.HandleAsync).WithDisplayName("Queue invocation");
        }

        var served = string.Join("; ", catalog.Functions.Select(Describe).DefaultIfEmpty("nothing"));
        endpoints.MapFallback(context =>
            Results.Problem($"Nothing is served at {context.Request.Method} {context.Request.Path}. Functions: {served}.", statusCode: StatusCodes.Status404NotFound, title: "Not found")
                .ExecuteAsync(context));
        return endpoints;
    }

    private static string Describe(FunctionDefinition function) => function.Trigger switch
    {
        HttpTrigger http => $"{function.Name} ({string.Join("|", http.Methods)} {http.Path})",
        QueueTrigger queue => $"{function.Name} (queue {queue.QueueName})",
        _ => function.Name,
    };
}
