using System.Text.Json.Nodes;
using KubeBind.Api.Crds;
using KubeBind.Kubernetes;
using KubeBind.Kubernetes.Caching;
using KubeBind.Kubernetes.Models;
using KubeBind.Kubernetes.Rest;
using KubeBind.Testing;

namespace KubeBind.Api.Tests.Crds;

/// <summary>
/// Component tests against a fresh DevApiServer per test: CRDs are cluster-scoped and ours have fixed names, so
/// tests cannot share a cluster. Against KUBEBIND_TEST_KUBECONFIG every test removes the CRDs it created.
/// </summary>
public sealed class CrdInstallerTests : IAsyncLifetime
{
    private static readonly GroupVersionResource Crds = new("apiextensions.k8s.io", "v1", "customresourcedefinitions");
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly TestCluster _cluster = new();
    private readonly List<string> _created = [];

    private ResourceClient<JsonObject> CrdClient => _cluster.Kube.Resource(Crds);

    public Task InitializeAsync() => _cluster.InitializeAsync();

    [Fact]
    public async Task InstallAsync_EstablishesEveryCrdAndServesIt_WhenTheClusterHasNone()
    {
        var installer = new CrdInstaller(_cluster.Kube);

        var results = await InstallAsync(installer);
        var ns = await _cluster.CreateNamespaceAsync();
        var requests = _cluster.Kube.Resource(CrdManifests.Get("apiserviceexportrequests.kube-bind.io").Resource);
        var created = await requests.CreateAsync(ExportRequest(ns));

        Assert.Equal(CrdManifests.All.Keys, results.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.All(results, r => Assert.Equal(CrdInstallOutcome.Created, r.Outcome));
        foreach (var name in CrdManifests.All.Keys)
        {
            Assert.True(IsEstablished(await CrdClient.GetAsync(name)), $"{name} is not Established");
        }

        // The schema is live: the server defaulted the field our manifest gives a default.
        Assert.Equal("Never", created["spec"]?["schemaUpdatePolicy"]?.GetValue<string>());
    }

    [Fact]
    public async Task InstallAsync_ChangesNothing_WhenRunTwice()
    {
        var installer = new CrdInstaller(_cluster.Kube);
        var first = await InstallAsync(installer);

        var second = await InstallAsync(installer);

        Assert.All(second, r => Assert.Equal(CrdInstallOutcome.Unchanged, r.Outcome));
        Assert.Equal(first.Select(r => (r.Name, r.ResourceVersion)), second.Select(r => (r.Name, r.ResourceVersion)));
    }

    [Fact]
    public async Task InstallAsync_UpdatesTheCrd_WhenAnOlderCompatibleOneExists()
    {
        // An older install: v1alpha2 only, no printer columns, written by another field manager.
        var older = CrdManifests.Get("apiservicebindings.kube-bind.io").ToJson();
        var versions = older["spec"]!["versions"]!.AsArray();
        versions.Remove(versions.Single(v => v!["name"]!.GetValue<string>() == "v1alpha1"));
        versions[0]!.AsObject().Remove("additionalPrinterColumns");
        await CreateAsync(older);

        var results = await InstallAsync(new CrdInstaller(_cluster.Kube), CrdManifests.ConsumerNames);
        var updated = await CrdClient.GetAsync("apiservicebindings.kube-bind.io");

        Assert.Equal(CrdInstallOutcome.Updated, results.Single(r => r.Name == "apiservicebindings.kube-bind.io").Outcome);
        Assert.Equal(["v1alpha1", "v1alpha2"], updated["spec"]!["versions"]!.AsArray().Select(v => v!["name"]!.GetValue<string>()));
        Assert.All(updated["spec"]!["versions"]!.AsArray(), v => Assert.NotNull(v!["additionalPrinterColumns"]));
    }

    [Fact]
    public async Task InstallAsync_RefusesAndWritesNothing_WhenAForeignCrdHasOneOfOurNames()
    {
        var foreign = ForeignCrd("apiserviceexports", "APIServiceExport", scope: "Cluster");
        var before = await CreateAsync(foreign);
        var installer = new CrdInstaller(_cluster.Kube);

        var error = await Assert.ThrowsAsync<IncompatibleCrdException>(() => installer.InstallAsync());

        Assert.Equal(["apiserviceexports.kube-bind.io"], error.Problems.Keys);
        Assert.Contains("CustomResourceDefinition apiserviceexports.kube-bind.io exists", error.Message, StringComparison.Ordinal);
        Assert.Contains("scope is Cluster, we need Namespaced", error.Message, StringComparison.Ordinal);
        Assert.Contains("kubectl delete crd apiserviceexports.kube-bind.io", error.Message, StringComparison.Ordinal);
        var after = await CrdClient.GetAsync("apiserviceexports.kube-bind.io");
        Assert.Equal(ObjectKeys.Of(before).ResourceVersion, ObjectKeys.Of(after).ResourceVersion);
        Assert.Equal("Cluster", after["spec"]!["scope"]!.GetValue<string>());
        var clusters = await Assert.ThrowsAsync<KubernetesApiException>(() => CrdClient.GetAsync("clusters.kube-bind.io"));
        Assert.True(clusters.IsNotFound);
    }

    [Fact]
    public async Task InstallAsync_Throws_WhenAnotherCrdClaimsTheKind()
    {
        await CreateAsync(ForeignCrd("otherclusters", "Cluster", scope: "Cluster"));
        var installer = new CrdInstaller(_cluster.Kube);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => InstallAsync(installer, ["clusters.kube-bind.io"]));
        _created.Add("clusters.kube-bind.io");

        Assert.Contains("clusters.kube-bind.io cannot be established, its names were not accepted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstallAsync_WaitsThroughTheWatch_WhenTheCrdIsEstablishedLater()
    {
        using var handler = new UnestablishedCrdHandler(_cluster.Configuration.CreateHandler());
        using var client = new KubernetesClient(_cluster.Configuration, new KubernetesClientOptions { MessageHandler = handler });
        var installer = new CrdInstaller(client, new CrdInstallerOptions { EstablishTimeout = Deadline });

        var install = installer.InstallAsync(["clusters.kube-bind.io"]);
        _created.Add("clusters.kube-bind.io");
        await handler.Rewritten.WaitAsync(Deadline);
        await CrdClient.PatchAsync("clusters.kube-bind.io", PatchType.Merge, JsonNode.Parse("""{"metadata":{"labels":{"touched":"yes"}}}""")!);
        var results = await install.WaitAsync(Deadline);

        Assert.Equal("clusters.kube-bind.io", Assert.Single(results).Name);
    }

    [Fact]
    public async Task InstallAsync_ThrowsTimeout_WhenTheCrdNeverBecomesEstablished()
    {
        using var handler = new UnestablishedCrdHandler(_cluster.Configuration.CreateHandler());
        using var client = new KubernetesClient(_cluster.Configuration, new KubernetesClientOptions { MessageHandler = handler });
        var installer = new CrdInstaller(client, new CrdInstallerOptions { EstablishTimeout = TimeSpan.FromMilliseconds(300) });

        var error = await Assert.ThrowsAsync<TimeoutException>(() => installer.InstallAsync(["clusters.kube-bind.io"]).WaitAsync(Deadline));
        _created.Add("clusters.kube-bind.io");

        Assert.Contains("clusters.kube-bind.io was not established within", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"Established\"", error.Message, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        if (!_cluster.IsDevApiServer)
        {
            // A real cluster outlives the test: remove what we created and wait, so the next test starts clean.
            foreach (var name in _created.Distinct())
            {
                await DeleteAndWaitAsync(name);
            }
        }

        await _cluster.DisposeAsync();
    }

    private async Task<IReadOnlyList<CrdInstallResult>> InstallAsync(CrdInstaller installer, IEnumerable<string>? names = null)
    {
        var results = await installer.InstallAsync(names ?? CrdManifests.All.Keys).WaitAsync(Deadline);
        _created.AddRange(results.Where(r => r.Outcome == CrdInstallOutcome.Created).Select(r => r.Name));
        return results;
    }

    private async Task<JsonObject> CreateAsync(JsonObject crd)
    {
        var created = await CrdClient.CreateAsync(crd);
        _created.Add(ObjectKeys.Of(created).Key);
        return created;
    }

    private async Task DeleteAndWaitAsync(string name)
    {
        try
        {
            await CrdClient.DeleteAsync(name);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            return;
        }

        await WaitFor.ConditionAsync(
            async () =>
            {
                try
                {
                    await CrdClient.GetAsync(name);
                    return false;
                }
                catch (KubernetesApiException e) when (e.IsNotFound)
                {
                    return true;
                }
            },
            $"CustomResourceDefinition {name} to be deleted",
            Deadline);
    }

    private static bool IsEstablished(JsonObject crd) => (crd["status"]?["conditions"] as JsonArray ?? [])
        .Any(c => c?["type"]?.GetValue<string>() == "Established" && c["status"]?.GetValue<string>() == "True");

    private static JsonObject ExportRequest(string ns) => new()
    {
        ["apiVersion"] = Group.ApiVersion,
        ["kind"] = "APIServiceExportRequest",
        ["metadata"] = new JsonObject { ["name"] = "widgets", ["namespace"] = ns },
        ["spec"] = new JsonObject
        {
            ["resources"] = new JsonArray(new JsonObject { ["group"] = "example.com", ["resource"] = "widgets", ["versions"] = new JsonArray("v1") }),
        },
    };

    private static JsonObject ForeignCrd(string plural, string kind, string scope) => new()
    {
        ["apiVersion"] = "apiextensions.k8s.io/v1",
        ["kind"] = "CustomResourceDefinition",
        ["metadata"] = new JsonObject { ["name"] = $"{plural}.{Group.Name}" },
        ["spec"] = new JsonObject
        {
            ["group"] = Group.Name,
            ["names"] = new JsonObject { ["plural"] = plural, ["kind"] = kind },
            ["scope"] = scope,
            ["versions"] = new JsonArray(new JsonObject
            {
                ["name"] = "v1",
                ["served"] = true,
                ["storage"] = true,
                ["schema"] = new JsonObject { ["openAPIV3Schema"] = new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true } },
            }),
        },
    };
}
