using KubeBind.WatchBridge.Bridge;
using KubeBind.WatchBridge.Metrics;

namespace KubeBind.WatchBridge.Health;

/// <summary>The probe and scrape endpoints: <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c>.</summary>
internal static class HealthEndpoints
{
    /// <summary>Maps the endpoints onto <paramref name="endpoints"/>.</summary>
    public static IEndpointRouteBuilder MapWatchBridgeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Live as long as the process serves requests; a stuck pipeline shows in /readyz and the metrics instead.
        endpoints.MapGet("/healthz", () => Results.Text("ok\n"));
        endpoints.MapGet("/readyz", (BridgeStatus status) =>
        {
            var text = $"leader={Lower(status.IsLeader)} synced={Lower(status.IsSynced)} identity={status.Identity} holder={status.Leader ?? "-"}\n";
            return Results.Text(text, statusCode: status.IsReady ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        endpoints.MapGet("/metrics", (PrometheusExporter exporter) => Results.Text(exporter.Render(), PrometheusExporter.ContentType));
        return endpoints;
    }

    private static string Lower(bool value) => value ? "true" : "false";
}
