using System.Text.Json.Nodes;
using KubeBind.Kubernetes.Models;
using KubeBind.Kubernetes.Rest;
using KubeBind.Testing;

namespace KubeBind.Kubernetes.Tests.Rest;

[Collection(ClientCollection.Name)]
public sealed class WatchResumeTests(ClientFixture fixture)
{
    private static readonly GroupVersionResource ConfigMaps = new(string.Empty, "v1", "configmaps");

    [Fact]
    public async Task Watch_ResumesAfterKilledConnections_WithoutLosingOrRepeatingEvents()
    {
        var configuration = fixture.Configuration();
        var killer = new ConnectionKillingHandler(configuration.CreateHandler(), linesBeforeKill: 3, kills: 2);
        using var client = new KubernetesClient(configuration, new KubernetesClientOptions { MessageHandler = killer, InitialRetryDelay = TimeSpan.FromMilliseconds(10) });
        var resource = client.Resource(ConfigMaps);
        var ns = await fixture.Cluster.CreateNamespaceAsync("resume");
        var start = await resource.ListAsync(ns);
        for (var i = 0; i < 12; i++)
        {
            await resource.CreateAsync(ResourceClientTests.ConfigMap($"event-{i:00}", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), ns);
        }

        using var cts = new CancellationTokenSource(WaitFor.DefaultTimeout);
        var seen = new List<string>();
        await foreach (var e in resource.WatchAsync(ns, new WatchOptions { ResourceVersion = start.ResourceVersion, AllowBookmarks = false }, cts.Token))
        {
            var name = e.Object["metadata"]!["name"]!.GetValue<string>();
            if (name.StartsWith("event-", StringComparison.Ordinal))
            {
                Assert.Equal(WatchEventType.Added, e.Type);
                seen.Add(name);
            }

            if (seen.Count == 12)
            {
                break;
            }
        }

        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"event-{i:00}"), seen);
        Assert.True(killer.WatchRequests >= 3, $"expected the watch to reconnect twice, saw {killer.WatchRequests} watch requests");
    }
}
