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
/// A cluster with the provider-side kube-bind CRDs (upstream's, until the shipped CrdInstaller lands) and three exported
/// CRDs: upstream's cowboys (Namespaced) and sheriffs (Cluster) examples, and a multi-version gadgets CRD.
/// Tests share it and isolate themselves in their own contract namespace.
/// </summary>
public sealed class ExportRequestFixture : IAsyncLifetime
{
    private const string CrdPath = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

    private static readonly string[] KubeBindCrds = ["apiserviceexportrequests", "apiserviceexports", "apiservicenamespaces", "boundschemas"];

    public TestCluster Cluster { get; } = new();

    public KubernetesClient Kube => Cluster.Kube;

    public ResourceClient<ApiServiceExportRequest> Requests => Kube.Resource(KubeBindResource(ApiServiceExportRequest.Resource), ApiJson.TypeInfo<ApiServiceExportRequest>());

    public ResourceClient<ApiServiceExport> Exports => Kube.Resource(KubeBindResource(ApiServiceExport.Resource), ApiJson.TypeInfo<ApiServiceExport>());

    public ResourceClient<BoundSchema> BoundSchemas => Kube.Resource(KubeBindResource(BoundSchema.Resource), ApiJson.TypeInfo<BoundSchema>());

    public ResourceClient<ApiServiceNamespace> ApiServiceNamespaces => Kube.Resource(KubeBindResource(ApiServiceNamespace.Resource), ApiJson.TypeInfo<ApiServiceNamespace>());

    public ResourceClient<JsonObject> Crds => Kube.Resource(new GroupVersionResource("apiextensions.k8s.io", "v1", "customresourcedefinitions"));

    public async Task InitializeAsync()
    {
        await Cluster.InitializeAsync();
        var names = new List<string>();
        foreach (var plural in KubeBindCrds)
        {
            names.Add(await InstallYamlAsync(ReferenceData.Read("crds", $"kube-bind.io_{plural}.yaml")));
        }

        names.Add(await InstallYamlAsync(ReferenceData.Read("examples", "crd-cowboys.yaml")));
        names.Add(await InstallYamlAsync(ReferenceData.Read("examples", "crd-sheriffs.yaml")));
        names.Add(await InstallYamlAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "ExportRequests", "crd-gadgets.json"))));

        // The examples are exported by label; make sure they carry it even if the reference files lose it.
        foreach (var example in new[] { "cowboys.wildwest.dev", "sheriffs.wildwest.dev" })
        {
            await Crds.PatchAsync(example, PatchType.Merge, new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { [Labels.Exported] = Labels.True } } });
        }

        foreach (var name in names)
        {
            await WaitFor.ConditionAsync(async () => IsEstablished(await Crds.GetAsync(name)), $"CRD {name} to be established");
        }
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

    public static async Task<T?> GetOrNullAsync<T>(ResourceClient<T> resource, string ns, string name)
        where T : class
    {
        try
        {
            return await resource.GetAsync(name, ns);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    public Task DisposeAsync() => Cluster.DisposeAsync();

    private static GroupVersionResource KubeBindResource(string plural) => new(Group.Name, Group.V1Alpha2, plural);

    private async Task<string> InstallYamlAsync(string manifest)
    {
        // Sent as YAML: the API server decodes it, so the tests need no YAML reader of their own.
        var response = await Cluster.Client.SendRawAsync(HttpMethod.Post, CrdPath, Encoding.UTF8.GetBytes(manifest), "application/yaml");
        if (!response.IsSuccess && response.Reason != "AlreadyExists")
        {
            response.EnsureSuccess();
        }

        var name = response.IsSuccess
            ? response.Body["metadata"]!["name"]!.GetValue<string>()
            : response.Body["details"]!["name"]!.GetValue<string>();
        if (response.IsSuccess)
        {
            Cluster.DeleteLater($"{CrdPath}/{name}");
        }

        return name;
    }

    private static bool IsEstablished(JsonObject crd) =>
        crd["status"]?["conditions"] is JsonArray conditions
        && conditions.Any(c => c?["type"]?.GetValue<string>() == "Established" && c["status"]?.GetValue<string>() == "True");
}

[CollectionDefinition(Name)]
public sealed class ExportRequestCollection : ICollectionFixture<ExportRequestFixture>
{
    public const string Name = "export-requests";
}
