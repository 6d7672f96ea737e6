using System.Security.Cryptography;
using KubeBind.Kubernetes;
using KubeBind.Kubernetes.Config;
using KubeBind.Queues;
using KubeBind.WatchBridge.Bridge;
using KubeBind.WatchBridge.Metrics;
using KubeBind.WatchBridge.Routing;
using KubeBind.WatchBridge.Sending;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KubeBind.WatchBridge.Hosting;

/// <summary>The bridge's composition root.</summary>
internal static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds the bridge: validated options from <paramref name="configuration"/>, the cluster client, the routing
    /// table, the leader-elected pipeline, metrics and the health endpoint's listener. A <see cref="KubernetesClient"/>,
    /// <see cref="IMessageSender"/> (default: Storage queues) or <see cref="TimeProvider"/> registered before this call
    /// is used instead of the default.
    /// </summary>
    public static IServiceCollection AddWatchBridge(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WatchBridgeOptions>().Bind(configuration).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WatchBridgeOptions>, WatchBridgeOptionsValidator>());
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => CreateClient(sp.GetRequiredService<IOptions<WatchBridgeOptions>>().Value));
        services.TryAddSingleton(sp => new QueueServiceClient(sp.GetRequiredService<IOptions<WatchBridgeOptions>>().Value.AzureWebJobsStorage));
        services.TryAddSingleton<IMessageSender, StorageQueueSender>();
        services.TryAddSingleton(Routes.Table);
        services.TryAddSingleton(_ => new BridgeStatus(NewIdentity()));
        services.TryAddSingleton<BridgeMetrics>();
        services.TryAddSingleton<PrometheusExporter>();
        services.TryAddSingleton<BridgePipeline>();
        services.AddHostedService<BridgeController>();
        services.AddOptions<KestrelServerOptions>().Configure(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // Read raw, not through the validated options: Kestrel is built before start-up validation reports.
            var url = configuration[nameof(WatchBridgeOptions.HealthUrl)] ?? new WatchBridgeOptions().HealthUrl;
            if (WatchBridgeOptionsValidator.TryParseHealthUrl(url, out var endpoint, out _))
            {
                if (endpoint.Host is "localhost")
                {
                    kestrel.ListenLocalhost(endpoint.Port);
                }
                else
                {
                    kestrel.Listen(System.Net.IPAddress.Parse(endpoint.Host.Trim('[', ']')), endpoint.Port);
                }
            }
        });
        return services;
    }

    /// <summary>A kubeconfig when one is named; else the pod's service account in a cluster; else kubectl's default kubeconfig.</summary>
    private static KubernetesClient CreateClient(WatchBridgeOptions options)
    {
        var connection = options.Kubernetes;
        KubernetesConfiguration configuration;
        if (!string.IsNullOrEmpty(connection.Kubeconfig))
        {
            configuration = KubernetesConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [connection.Kubeconfig], Context = connection.Context });
        }
        else if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST")) && string.IsNullOrEmpty(connection.Context))
        {
            configuration = KubernetesConfiguration.InCluster();
        }
        else
        {
            configuration = KubernetesConfiguration.FromKubeconfig(new KubeconfigOptions { Context = connection.Context });
        }

        return new KubernetesClient(configuration);
    }

    /// <summary>The host name (the pod's name in a cluster) plus a random suffix, so a restarted pod is a new candidate.</summary>
    private static string NewIdentity() =>
        $"{Environment.MachineName.ToLowerInvariant()}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant()}";
}
