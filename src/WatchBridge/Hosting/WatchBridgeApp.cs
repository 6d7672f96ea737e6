using KubeBind.WatchBridge.Health;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace KubeBind.WatchBridge.Hosting;

/// <summary>Builds the bridge's web application: what <c>Program</c> runs and what tests start in-process.</summary>
internal static class WatchBridgeApp
{
    /// <summary>
    /// The application for <paramref name="args"/>; <paramref name="configure"/> runs before <see cref="ServiceCollectionExtensions.AddWatchBridge"/>,
    /// so tests can add configuration and their own client, sender or clock.
    /// </summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        // Probes and scrapes arrive every few seconds; their request logs would drown the bridge's own.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        configure?.Invoke(builder);
        builder.Services.AddWatchBridge(builder.Configuration);
        var app = builder.Build();
        app.MapWatchBridgeEndpoints();
        return app;
    }

    /// <summary>The address the health endpoints listen on, once the application has started.</summary>
    public static Uri HealthAddress(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("the bridge is not listening yet; start it first");
        return new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }
}
