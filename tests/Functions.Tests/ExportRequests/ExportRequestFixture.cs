using System.Text;
using System.Text.Json.Nodes;
using KubeBind.Api;
using KubeBind.Api.V1Alpha2;
using KubeBind.Functions.ExportRequests;
using KubeBind.Kubernetes;
using KubeBind.Kubernetes.Models;
using KubeBind.Kubernetes.Rest;
using KubeBind.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KubeBind.Functions.Tests.ExportRequests;

/// <summary>
/// A cluster with the provider-side kube-bind CRDs (installed by our CrdInstaller) and three exported
/// CRDs: upstream's cowboys (Namespaced) and sheriffs (Cluster) examples, and a multi-version gadgets CRD.
/// Tests share it and isolate themselves in their own contract namespace.
/// </summary>
public sealed class ExportRequestFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new();

    public KubernetesClient Kube => Cluster.Kube;

    public ResourceClient<ApiServiceExportRequest> Requests => Kube.ApiServiceExportRequests();

    public ResourceClient<ApiServiceExport> Exports => Kube.ApiServiceExports();

    public ResourceClient<BoundSchema> BoundSchemas => Kube.BoundSchemas();

    public ResourceClient<ApiServiceNamespace> ApiServiceNamespaces => Kube.ApiServiceNamespaces();

    public ResourceClient<JsonObject> Crds => Kube.Resource(ProviderSetup.Crds);

    public async Task InitializeAsync()
    {
        await Cluster.InitializeAsync();
        await ProviderSetup.InstallKubeBindCrdsAsync(Cluster);
        await ProviderSetup.InstallExampleCrdsAsync(Cluster);
        await ProviderSetup.InstallExportedCrdAsync(Cluster, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "ExportRequests", "crd-gadgets.json")));
    }

    /// <summary>A reconciler over this cluster with <paramref name="options"/> (defaults: Namespaced, Prefixed, 5 min).</summary>
    internal ExportRequestReconciler Reconciler(ExportRequestOptions? options = null, TimeProvider? time = null, IExportRequestStore? store = null, ISchemaSource? schemaSource = null) => new(
        store ?? new KubernetesExportRequestStore(Kube),
        schemaSource ?? new CrdSchemaSource(Kube, NullLogger<CrdSchemaSource>.Instance),
        Options.Create(options ?? new ExportRequestOptions()),
        time ?? TimeProvider.System,
        NullLogger<ExportRequestReconciler>.Instance);

    /// <summary>Creates a request in a fresh contract namespace (or <paramref name="ns"/>) and returns it as stored.</summary>
    public async Task<ApiServiceExportRequest> CreateRequestAsync(ApiServiceExportRequestSpec spec, string? ns = null, string name = "export")
    {
        ns ??= await Cluster.CreateNamespaceAsync("contract");
        return await Requests.CreateAsync(new ApiServiceExportRequest { Metadata = new ObjectMeta { Name = name, Namespace = ns }, Spec = spec });
    }

    public Task DisposeAsync() => Cluster.DisposeAsync();

}

[CollectionDefinition(Name)]
public sealed class ExportRequestCollection : ICollectionFixture<ExportRequestFixture>
{
    public const string Name = "export-requests";
}
