using System.Net;
using KubeBind.Functions.Catalog;
using KubeBind.Functions.ExportRequests;
using KubeBind.Functions.Hosting.CustomHandler;
using KubeBind.Functions.Hosting.Http;
using KubeBind.Functions.Hosting.Standalone;
using KubeBind.Functions.Invocation;
using KubeBind.Kubernetes;
using KubeBind.Queues;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KubeBind.Functions.Hosting;

/// <summary>The composition root of the function app, for both modes.</summary>
internal static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers the catalog's functions and handlers, their shared services, the options, and where Kestrel listens.
    /// The mode is fixed here: <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> set means the Functions host drives the app.
    /// </summary>
    public static IServiceCollection AddFunctionsHost(this IServiceCollection services, IConfiguration configuration, FunctionCatalog catalog)
    {
        var mode = FunctionsOptions.ModeOf(configuration);
        services.AddOptions<FunctionsOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FunctionsOptions>, FunctionsOptionsValidator>();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<FunctionsOptions>>((kestrel, options) => Listen(kestrel, options.Value));

        services.AddSingleton(catalog);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<QueueFunction>();
        services.AddSingleton<HttpFunction>();
        services.AddSingleton<QueueInvocationEndpoint>();
        services.AddSingleton<IQueueSender, StorageQueueSender>();
        services.AddSingleton(sp => new QueueServiceClient(
            sp.GetRequiredService<IOptions<FunctionsOptions>>().Value.AzureWebJobsStorage,
            new QueueClientOptions { TimeProvider = sp.GetRequiredService<TimeProvider>() }));

        // Created on first use, so functions that never touch the cluster (and tests of them) need no kubeconfig.
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<FunctionsOptions>>().Value.Kubernetes.Load());
        services.AddSingleton(sp => new KubernetesClient(sp.GetRequiredService<KubernetesConfiguration>()));

        services.AddExportRequestsFunction(configuration);
        foreach (var function in catalog.Functions)
        {
            services.TryAddScoped(function.HandlerType);
        }

        if (mode == FunctionsMode.Standalone)
        {
            services.AddSingleton<IQueueTriggerSource, ListenerQueueTriggerSource>();
            foreach (var function in catalog.QueueFunctions)
            {
                services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<QueueTriggerService>(sp, function));
            }
        }

        return services;
    }

    private static void Listen(KestrelServerOptions kestrel, FunctionsOptions options)
    {
        kestrel.AddServerHeader = false;
        if (options.CustomHandlerPort is { } port)
        {
            // The host calls http://127.0.0.1:{port}; nothing else should reach the handler.
            kestrel.Listen(IPAddress.Loopback, port);
            return;
        }

        var url = new Uri(options.StandaloneUrl);
        if (url.IsLoopback && url.HostNameType == UriHostNameType.Dns)
        {
            kestrel.ListenLocalhost(url.Port);
        }
        else if (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address))
        {
            kestrel.Listen(address, url.Port);
        }
        else
        {
            kestrel.ListenAnyIP(url.Port);
        }
    }
}
