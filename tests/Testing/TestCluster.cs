using System.Text.Json.Nodes;
using KubeBind.DevApiServer;
using KubeBind.DevApiServer.Hosting;
using KubeBind.Kubernetes;
using KubeBind.Kubernetes.Config;
using KubeBind.Kubernetes.Models;

namespace KubeBind.Testing;

/// <summary>
/// The cluster a test suite runs against: a fresh DevApiServer on 127.0.0.1:0 by default, or any real cluster
/// when <c>KUBEBIND_TEST_KUBECONFIG</c> names a kubeconfig. Either way tests only get a kubeconfig and a client,
/// so nothing may depend on DevApiServer internals.
/// </summary>
public sealed class TestCluster : IAsyncLifetime
{
    public const string KubeconfigVariable = "KUBEBIND_TEST_KUBECONFIG";

    private static readonly GroupVersionResource Namespaces = new(string.Empty, "v1", "namespaces");

    private ApiServerHost? _host;
    private readonly List<string> _namespaces = [];
    private readonly List<string> _clusterObjects = [];

    /// <summary>A scratch directory deleted when the fixture is disposed.</summary>
    public string WorkDirectory { get; } = Directory.CreateTempSubdirectory("kubebind-test-").FullName;

    public string KubeconfigPath { get; private set; } = string.Empty;

    /// <summary>The kubeconfig's connection settings, as our client library loads them.</summary>
    public KubernetesConfiguration Configuration { get; private set; } = null!;

    /// <summary>The raw HTTP client with the kubeconfig's (admin) credentials, for tests of the wire itself.</summary>
    public ClusterClient Client { get; private set; } = null!;

    /// <summary>Our client library with the same credentials, for arranging state and for typed assertions.</summary>
    public KubernetesClient Kube { get; private set; } = null!;

    /// <summary>True when the suite runs against a DevApiServer it started itself.</summary>
    public bool IsDevApiServer => _host is not null;

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(KubeconfigVariable);
        if (!string.IsNullOrEmpty(external))
        {
            KubeconfigPath = external;
        }
        else
        {
            KubeconfigPath = Path.Combine(WorkDirectory, "kubeconfig");
            _host = await ApiServerHost.StartAsync(new DevApiServerOptions { KubeconfigPath = KubeconfigPath });
        }

        Configuration = KubernetesConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [KubeconfigPath] });
        Client = new ClusterClient(Configuration.CreateHandler(), Configuration.Server, Configuration.Credentials);
        Kube = new KubernetesClient(Configuration);
    }

    /// <summary>Creates a uniquely named namespace, deleted when the fixture is disposed.</summary>
    public async Task<string> CreateNamespaceAsync(string prefix = "test")
    {
        var name = UniqueName(prefix);
        await Kube.Resource(Namespaces).CreateAsync(new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new JsonObject { ["name"] = name },
        });
        lock (_namespaces)
        {
            _namespaces.Add(name);
        }

        return name;
    }

    /// <summary>Remembers a cluster-scoped object (its URL path) to delete at the end.</summary>
    public void DeleteLater(string path)
    {
        lock (_clusterObjects)
        {
            _clusterObjects.Add(path);
        }
    }

    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("n")[..10]}";

    public async Task DisposeAsync()
    {
        if (_host is null && Client is not null)
        {
            // Against a real cluster, leave nothing behind.
            foreach (var path in _clusterObjects)
            {
                await Client.DeleteAsync(path);
            }

            foreach (var ns in _namespaces)
            {
                try
                {
                    await Kube.Resource(Namespaces).DeleteAsync(ns);
                }
                catch (KubernetesApiException e) when (e.IsNotFound)
                {
                    // A test deleted it already.
                }
            }
        }

        Client?.Dispose();
        Kube?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A process still holding a file; the OS cleans temp eventually.
        }
    }
}
