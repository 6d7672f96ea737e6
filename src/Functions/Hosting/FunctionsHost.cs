using KubeBind.Functions.Catalog;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace KubeBind.Functions.Hosting;

/// <summary>
/// The running function app, in either mode, for the program and for tests: configuration from environment
/// variables and the command line, started through <see cref="ServiceCollectionExtensions.AddFunctionsHost"/>.
/// </summary>
internal sealed class FunctionsHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FunctionsHost(WebApplication app, Uri baseAddress, FunctionsMode mode)
    {
        _app = app;
        BaseAddress = baseAddress;
        Mode = mode;
    }

    /// <summary>Where the app listens, e.g. <c>http://127.0.0.1:7071/</c>.</summary>
    public Uri BaseAddress { get; }

    public FunctionsMode Mode { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the app and returns once it accepts requests; throws <see cref="OptionsValidationException"/> on bad settings.</summary>
    public static async Task<FunctionsHost> StartAsync(
        string[] args,
        FunctionCatalog? catalog = null,
        Action<IServiceCollection>? overrides = null,
        Action<ILoggingBuilder>? logging = null,
        CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        if (logging is not null)
        {
            builder.Logging.ClearProviders();
            logging(builder.Logging);
        }

        // Per-request lines would drown the invocation logs; each function logs its own outcome.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddFunctionsHost(builder.Configuration, catalog ?? FunctionCatalog.Default);
        overrides?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapFunctions();
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)).Port;
        var mode = app.Services.GetRequiredService<IOptions<FunctionsOptions>>().Value.Mode;
        return new FunctionsHost(app, new Uri($"http://127.0.0.1:{port}/"), mode);
    }

    /// <summary>Runs the app until Ctrl-C or SIGTERM; a bad setting ends it with exit code 2 and the reasons on stderr.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        FunctionsHost host;
        try
        {
            host = await StartAsync(args);
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync("KubeBind.Functions cannot start:");
            foreach (var failure in e.Failures)
            {
                await Console.Error.WriteLineAsync("  " + failure);
            }

            return 2;
        }

        await using (host)
        {
            await Console.Out.WriteLineAsync($"KubeBind.Functions ({host.Mode}) listening on {host.BaseAddress}");
            await host._app.WaitForShutdownAsync();
        }

        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(timeout.Token);
        }

        await _app.DisposeAsync();
    }
}
