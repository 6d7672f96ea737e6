using System.Net;
using System.Security.Cryptography;
using KubeBind.DevApiServer.Auth;
using KubeBind.DevApiServer.Controllers;
using KubeBind.DevApiServer.Http;
using KubeBind.DevApiServer.Registry;
using KubeBind.DevApiServer.Resources;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace KubeBind.DevApiServer.Hosting;

/// <summary>
/// A running DevApiServer, embeddable in tests and used by the standalone program: listens on 127.0.0.1
/// (port 0 picks a free one), exposes its address and a ready client config, and stops on dispose.
/// </summary>
public sealed class ApiServerHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ServingIdentity _identity;

    private ApiServerHost(WebApplication app, ServingIdentity identity, Uri baseAddress, string adminToken, DevApiServerOptions options)
    {
        _app = app;
        _identity = identity;
        BaseAddress = baseAddress;
        AdminToken = adminToken;
        Options = options;
    }

    public Uri BaseAddress { get; }

    public string AdminToken { get; }

    public DevApiServerOptions Options { get; }

    /// <summary>The CA that signed the serving certificate (null over plain HTTP).</summary>
    public string? CertificateAuthorityPem => Options.PlainHttp ? null : _identity.CaPem;

    public ApiServerClientConfig ClientConfig => new(BaseAddress, AdminToken, CertificateAuthorityPem);

    /// <summary>A kubeconfig for the admin user.</summary>
    public string Kubeconfig() => Hosting.Kubeconfig.Render(ClientConfig, Options.ContextName);

    /// <summary>Starts a server and returns once it accepts requests (and its kubeconfig, if asked for, is written).</summary>
    public static async Task<ApiServerHost> StartAsync(DevApiServerOptions options, Action<ILoggingBuilder>? logging = null, CancellationToken cancellationToken = default)
    {
        var time = TimeProvider.System;
        var identity = ServingIdentity.Create(options.CertificateDirectory, time);
        var adminToken = options.AdminToken ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (logging is not null)
        {
            logging(builder.Logging);
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = null; // enforced per request with a Kubernetes Status instead
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port, listen =>
            {
                if (!options.PlainHttp)
                {
                    listen.Protocols = HttpProtocols.Http1AndHttp2;
                    listen.UseHttps(identity.ServingCertificate);
                }
            });
        });
        builder.Services.AddDevApiServer(options, identity, adminToken, time);
        var app = builder.Build();
        var handler = app.Services.GetRequiredService<ApiHandler>();
        app.Run(handler.HandleAsync);

        var services = app.Services.GetRequiredService<ApiServerServices>();
        Bootstrap.Run(services, app.Services.GetRequiredService<ObjectService>(), options.KubeSystemUid ?? identity.DerivedClusterUid());
        // History starts after bootstrap, like a freshly compacted etcd: watches from older versions get 410.
        services.Store.Compact();

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)).Port;
        var baseAddress = new Uri($"{(options.PlainHttp ? "http" : "https")}://127.0.0.1:{port}/");
        var host = new ApiServerHost(app, identity, baseAddress, adminToken, options);
        if (options.KubeconfigPath is not null)
        {
            await Hosting.Kubeconfig.WriteAsync(options.KubeconfigPath, host.Kubeconfig(), cancellationToken);
        }

        return host;
    }

    /// <summary>Completes when the host shuts down (Ctrl-C, SIGTERM or <see cref="DisposeAsync"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(timeout.Token);
        }

        await _app.DisposeAsync();
        _identity.Dispose();
    }
}
