using System.Diagnostics.Metrics;
using System.Text;
using System.Text.Json.Nodes;
using KubeBind.Api;
using KubeBind.Api.Crds;
using KubeBind.Api.Queues;
using KubeBind.Api.V1Alpha2;
using KubeBind.Functions.Hosting;
using KubeBind.Kubernetes;
using KubeBind.Kubernetes.Models;
using KubeBind.Kubernetes.Rest;
using KubeBind.Queues;
using KubeBind.Testing;
using KubeBind.WatchBridge.Bridge;
using KubeBind.WatchBridge.Hosting;
using KubeBind.WatchBridge.Metrics;
using KubeBind.WatchBridge.Sending;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KubeBind.Functions.Bench;

/// <summary>
/// The provider side in one process, wired as deployed: a DevApiServer (<see cref="TestCluster"/>) with our CRDs and the
/// exported cowboys CRD, Azurite, the watch bridge and the function app in standalone mode. The bridge and the function
/// app start and stop on their own, so a phase can run one without the other or swap the bridge's sender.
/// </summary>
internal sealed class Pipeline : IAsyncDisposable
{
    /// <summary>The exported CRD every request asks for.</summary>
    public const string ExportedCrd = "cowboys.wildwest.dev";

    private static readonly GroupVersionResource Crds = new("apiextensions.k8s.io", "v1", "customresourcedefinitions");

    private readonly TestCluster _cluster;
    private readonly Azurite _azurite;
    private readonly Progress _progress;

    private Pipeline(TestCluster cluster, Azurite azurite, Progress progress)
    {
        _cluster = cluster;
        _azurite = azurite;
        _progress = progress;
        // The load generator must not be what limits the pipeline: no client-side rate limit.
        Client = new KubernetesClient(cluster.Configuration, new KubernetesClientOptions { Qps = 0 });
        Requests = Client.Resource(new GroupVersionResource(Group.Name, Group.V1Alpha2, ApiServiceExportRequest.Resource), ApiJson.TypeInfo<ApiServiceExportRequest>());
    }

    /// <summary>The bench's own client: unthrottled, admin.</summary>
    public KubernetesClient Client { get; }

    public ResourceClient<ApiServiceExportRequest> Requests { get; }

    /// <summary>The running bridge, if any.</summary>
    public RunningBridge? Bridge { get; private set; }

    /// <summary>The running function app, if any, and its queue listener's counters (meter <c>KubeBind.Queues</c>).</summary>
    public (FunctionsHost Host, MeterCounters Counters)? Functions { get; private set; }

    /// <summary>A scratch folder deleted with the pipeline.</summary>
    public string WorkDirectory => _cluster.WorkDirectory;

    /// <summary>Starts the cluster and installs the CRDs, and meanwhile Azurite; the bridge and the functions come later.</summary>
    public static async Task<Pipeline> StartAsync(Progress progress)
    {
        var cluster = new TestCluster();
        Azurite? azurite = null;
        // Azurite needs nothing from the cluster, and node takes seconds to start: overlap them.
        var storage = progress.StepAsync("Azurite started", async () => azurite = await Azurite.StartAsync());
        try
        {
            await progress.StepAsync("DevApiServer started", cluster.InitializeAsync);
            await progress.StepAsync("kube-bind provider CRDs installed (CrdInstaller)", () => new CrdInstaller(cluster.Kube).InstallAsync(CrdManifests.ProviderNames));
            await progress.StepAsync($"{ExportedCrd} installed, labelled exported and established", () => InstallExportedCrdAsync(cluster));
            await storage;
            return new Pipeline(cluster, azurite!, progress);
        }
        catch
        {
            await ((Task)storage).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }

            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts a bridge on a lease of its own, sending to <paramref name="sender"/>, or by default to Azurite through a
    /// <see cref="StampingSender"/>; returns once it leads with synced informers.
    /// </summary>
    public async Task StartBridgeAsync(IMessageSender? sender = null)
    {
        if (Bridge is not null)
        {
            throw new InvalidOperationException("a bridge is already running");
        }

        var app = WatchBridgeApp.Build([], builder =>
        {
            Quiet(builder.Logging);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Kubernetes:Kubeconfig"] = _cluster.KubeconfigPath,
                ["AzureWebJobsStorage"] = _azurite.ConnectionString,
                ["Lease:Namespace"] = "default",
                ["Lease:Name"] = TestCluster.UniqueName("bench-bridge"),
                ["HealthUrl"] = "http://127.0.0.1:0",
            });
            // Registered before AddWatchBridge, so it replaces the default; the stamped one wraps the default, on the bridge's own queue client.
            builder.Services.AddSingleton(sp => sender ?? new StampingSender(new StorageQueueSender(sp.GetRequiredService<QueueServiceClient>())));
        });
        var status = app.Services.GetRequiredService<BridgeStatus>();
        var bridge = new RunningBridge(app, status, new MeterCounters(app.Services.GetRequiredService<IMeterFactory>(), BridgeMetrics.MeterName), app.Services.GetRequiredService<IMessageSender>() as StampingSender);
        try
        {
            await _progress.StepAsync($"watch bridge leading with synced informers, sending to {(sender is null ? "Azurite" : sender.GetType().Name)}", async () =>
            {
                await app.StartAsync();
                await WaitFor.ConditionAsync(() => Task.FromResult(status.IsLeader && status.IsSynced), "the bridge to lead with synced informers");
            });
        }
        catch
        {
            await bridge.DisposeAsync();
            throw;
        }

        Bridge = bridge;
    }

    public async Task StopBridgeAsync()
    {
        if (Bridge is { } bridge)
        {
            Bridge = null;
            await _progress.StepAsync("watch bridge stopped", () => bridge.DisposeAsync().AsTask());
        }
    }

    /// <summary>Starts the function app in standalone mode on a free port, as <paramref name="setup"/> says.</summary>
    public async Task StartFunctionsAsync(FunctionsSetup setup)
    {
        if (Functions is not null)
        {
            throw new InvalidOperationException("the function app is already running");
        }

        FunctionsHost? host = null;
        await _progress.StepAsync($"function app started (standalone, {setup.Label})", async () => host = await FunctionsHost.StartAsync(
            [
                "--StandaloneUrl=http://127.0.0.1:0",
                $"--AzureWebJobsStorage={_azurite.ConnectionString}",
                $"--Kubernetes:Kubeconfig={_cluster.KubeconfigPath}",
                $"--HostJsonPath={setup.HostJsonPath}",
            ],
            overrides: setup.ClientRateLimit ? null : Unlimited,
            logging: Quiet));
        Functions = (host!, new MeterCounters(host!.Services.GetRequiredService<IMeterFactory>(), "KubeBind.Queues"));
    }

    public async Task StopFunctionsAsync()
    {
        if (Functions is var (host, counters))
        {
            Functions = null;
            counters.Dispose();
            await _progress.StepAsync("function app stopped", () => host.DisposeAsync().AsTask());
        }
    }

    /// <summary>Messages on the export-request queue, invisible ones (delayed requeue copies) included.</summary>
    public async Task<long> QueuedExportRequestMessagesAsync()
    {
        using var service = new QueueServiceClient(_azurite.ConnectionString);
        return (await service.GetQueueClient(QueueNames.ExportRequests).GetPropertiesAsync()).ApproximateMessageCount;
    }

    /// <summary>Creates <paramref name="count"/> namespaces named <c>&lt;prefix&gt;-&lt;i&gt;</c>, each a consumer's contract namespace.</summary>
    public async Task<IReadOnlyList<string>> CreateNamespacesAsync(string prefix, int count)
    {
        var namespaces = Client.Resource(new GroupVersionResource(string.Empty, "v1", "namespaces"));
        var names = Enumerable.Range(0, count).Select(i => $"{prefix}-{i}").ToList();
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (name, cancellationToken) =>
        {
            await namespaces.CreateAsync(new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = name } }, cancellationToken: cancellationToken);
            // Only matters against a real cluster (KUBEBIND_TEST_KUBECONFIG); DevApiServer goes away whole.
            _cluster.DeleteLater($"/api/v1/namespaces/{name}");
        });
        return names;
    }

    public async ValueTask DisposeAsync()
    {
        await StopFunctionsAsync();
        await StopBridgeAsync();
        await _progress.StepAsync("Azurite stopped", _azurite.DisposeAsync);
        Client.Dispose();
        await _progress.StepAsync("DevApiServer stopped", _cluster.DisposeAsync);
    }

    /// <summary>Replaces the app's client (registered last, so it wins) with one that has no client-side rate limit.</summary>
    private static void Unlimited(IServiceCollection services) =>
        services.AddSingleton(sp => new KubernetesClient(sp.GetRequiredService<KubernetesConfiguration>(), new KubernetesClientOptions { Qps = 0 }));

    /// <summary>Warnings and errors only: the hosts' information lines would cost CPU the pipeline needs and bury the figures.</summary>
    private static void Quiet(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
    }

    /// <summary>Upstream's cowboys example, posted as YAML (the server decodes it), with the export label ensured.</summary>
    private static async Task InstallExportedCrdAsync(TestCluster cluster)
    {
        var manifest = Encoding.UTF8.GetBytes(ReferenceData.Read("examples", "crd-cowboys.yaml"));
        var response = await cluster.Client.SendRawAsync(HttpMethod.Post, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", manifest, "application/yaml");
        if (response.Reason != "AlreadyExists")
        {
            response.EnsureSuccess();
        }

        var crds = cluster.Kube.Resource(Crds);
        await crds.PatchAsync(ExportedCrd, PatchType.Merge, new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { [Labels.Exported] = Labels.True } } });
        await WaitFor.ConditionAsync(
            async () => (await crds.GetAsync(ExportedCrd))["status"]?["conditions"] is JsonArray conditions
                && conditions.Any(c => c?["type"]?.GetValue<string>() == "Established" && c["status"]?.GetValue<string>() == "True"),
            $"{ExportedCrd} to be established");
    }
}
