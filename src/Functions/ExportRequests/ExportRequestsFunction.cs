using KubeBind.Api.Queues;
using KubeBind.Functions.Catalog;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KubeBind.Functions.ExportRequests;

/// <summary>
/// The <c>ExportRequests</c> function: triggered by <see cref="QueueNames.ExportRequests"/>, handled by
/// <see cref="ExportRequestHandler"/>; <see cref="Catalog.FunctionCatalog.Default"/> lists it.
/// </summary>
internal static class ExportRequestsFunction
{
    /// <summary>The function's name in the catalog (and in <c>function.json</c>).</summary>
    public const string Name = "ExportRequests";

    /// <summary>The queue that triggers it.</summary>
    public const string QueueName = QueueNames.ExportRequests;

    /// <summary>
    /// Registers the function with its options (section <see cref="ExportRequestOptions.SectionName"/>, validated at
    /// start-up). The host provides the <see cref="Kubernetes.KubernetesClient"/>.
    /// </summary>
    public static IServiceCollection AddExportRequestsFunction(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExportRequestOptions>().Bind(configuration.GetSection(ExportRequestOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<ExportRequestOptions>, ExportRequestOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ExportRequestOptions>, ExportRequestOptionsSetup>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IExportRequestStore, KubernetesExportRequestStore>();
        services.TryAddSingleton<ISchemaSource, CrdSchemaSource>();
        services.TryAddSingleton<ExportRequestReconciler>();
        services.TryAddSingleton<ExportRequestHandler>();
        return services;
    }
}
