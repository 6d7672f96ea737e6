using System.Text;
using System.Text.Json.Nodes;
using KubeBind.Api;
using KubeBind.Api.Crds;
using KubeBind.Kubernetes.Models;
using KubeBind.Kubernetes.Rest;

namespace KubeBind.Testing;

/// <summary>
/// What a provider cluster holds before kube-bind's functions run: our kube-bind.io CRDs, installed as a deployment
/// installs them, and service CRDs (upstream's cowboys and sheriffs examples) exported by label.
/// </summary>
public static class ProviderSetup
{
    private const string CrdPath = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

    /// <summary>The CRDs resource, as JSON objects.</summary>
    public static GroupVersionResource Crds { get; } = new("apiextensions.k8s.io", "v1", "customresourcedefinitions");

    /// <summary>Installs the provider-side kube-bind.io CRDs with <see cref="CrdInstaller"/> and waits until they are Established.</summary>
    public static async Task InstallKubeBindCrdsAsync(TestCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        using var timeout = new CancellationTokenSource(WaitFor.DefaultTimeout);
        await new CrdInstaller(cluster.Kube).InstallAsync(CrdManifests.ProviderNames, timeout.Token);
    }

    /// <summary>Installs upstream's cowboys and sheriffs example CRDs, exported; returns their names.</summary>
    public static async Task<IReadOnlyList<string>> InstallExampleCrdsAsync(TestCluster cluster) =>
    [
        await InstallExportedCrdAsync(cluster, ReferenceData.Read("examples", "crd-cowboys.yaml")),
        await InstallExportedCrdAsync(cluster, ReferenceData.Read("examples", "crd-sheriffs.yaml")),
    ];

    /// <summary>
    /// Creates a CRD from YAML or JSON text (the API server decodes either, so tests need no YAML reader), labels it
    /// <c>kube-bind.io/exported=true</c> and waits until it is Established; returns its name.
    /// </summary>
    public static async Task<string> InstallExportedCrdAsync(TestCluster cluster, string manifest)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var response = await cluster.Client.SendRawAsync(HttpMethod.Post, CrdPath, Encoding.UTF8.GetBytes(manifest), "application/yaml");
        if (!response.IsSuccess && response.Reason != "AlreadyExists")
        {
            response.EnsureSuccess();
        }

        var name = response.IsSuccess
            ? response.Body["metadata"]!["name"]!.GetValue<string>()
            : response.Body["details"]!["name"]!.GetValue<string>();
        if (response.IsSuccess)
        {
            cluster.DeleteLater($"{CrdPath}/{name}");
        }

        var crds = cluster.Kube.Resource(Crds);
        await crds.PatchAsync(name, PatchType.Merge, new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { [Labels.Exported] = Labels.True } } });
        await WaitFor.ConditionAsync(async () => IsEstablished(await crds.GetAsync(name)), $"CRD {name} to be established");
        return name;
    }

    private static bool IsEstablished(JsonObject crd) =>
        crd["status"]?["conditions"] is JsonArray conditions
        && conditions.Any(c => c?["type"]?.GetValue<string>() == "Established" && c["status"]?.GetValue<string>() == "True");
}
