using KubeBind.Functions.Catalog;
using KubeBind.Functions.Hosting;
using KubeBind.Queues;
using KubeBind.Testing;
using Microsoft.Extensions.Logging;

namespace KubeBind.EndToEnd.Tests;

/// <summary>
/// The provider side end to end, in-process: a cluster (DevApiServer, or <c>KUBEBIND_TEST_KUBECONFIG</c>) with our
/// CRDs and the exported cowboys and sheriffs CRDs, Azurite, and the function app in standalone mode. Tests start
/// their own watch bridges, because restarting and racing bridges is what several of them are about.
/// </summary>
public sealed class PipelineFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new();

    public Azurite Azurite { get; private set; } = null!;

    public QueueServiceClient Queues { get; private set; } = null!;

    internal FunctionsHost Functions { get; private set; } = null!;

    /// <summary>What the functions logged; each queue invocation ends in one line naming its key.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>host.json of the functions: fast polling, immediate retries, three tries before the poison queue.</summary>
    // QueueFunction's log events: handled, handled and requeued, failed.
    private const int HandledEventId = 100;
    private const int HandledWithRequeueEventId = 101;
    private const int FailedEventId = 102;

    public static string HostJsonPath { get; } = Path.Combine(AppContext.BaseDirectory, "TestData", "host.json");

    public async Task InitializeAsync()
    {
        await Cluster.InitializeAsync();
        Azurite = await Azurite.StartAsync();
        Queues = new QueueServiceClient(Azurite.ConnectionString);
        await ProviderSetup.InstallKubeBindCrdsAsync(Cluster);
        await ProviderSetup.InstallExampleCrdsAsync(Cluster);
        Functions = await FunctionsHost.StartAsync(
            [
                "--StandaloneUrl=http://127.0.0.1:0",
                $"--AzureWebJobsStorage={Azurite.ConnectionString}",
                $"--Kubernetes:Kubeconfig={Cluster.KubeconfigPath}",
                $"--HostJsonPath={HostJsonPath}",
            ],
            FunctionCatalog.Default.With(FunctionDefinition.Queue<ThrowingHandler>(ThrowingHandler.FunctionName, ThrowingHandler.QueueName)),
            logging: logging => logging.SetMinimumLevel(LogLevel.Information).AddProvider(Logs));
    }

    /// <summary>How many times the functions have handled (or failed on) the object <paramref name="key"/>.</summary>
    public int Invocations(string key) =>
        Logs.Logs.Count(l => l.EventId is HandledEventId or HandledWithRequeueEventId or FailedEventId && Equals(l.Scope("Key"), key));

    /// <summary>How many of those invocations failed.</summary>
    public int Failures(string key) => Logs.Logs.Count(l => l.EventId == FailedEventId && Equals(l.Scope("Key"), key));

    public async Task DisposeAsync()
    {
        if (Functions is not null)
        {
            await Functions.DisposeAsync();
        }

        Queues?.Dispose();
        if (Azurite is not null)
        {
            await Azurite.DisposeAsync();
        }

        await Cluster.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PipelineCollection : ICollectionFixture<PipelineFixture>
{
    public const string Name = "pipeline";
}
