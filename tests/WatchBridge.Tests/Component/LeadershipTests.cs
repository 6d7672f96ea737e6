using System.Net;
using KubeBind.Api.Queues;
using KubeBind.Api.V1Alpha2;
using KubeBind.Kubernetes.Models;
using KubeBind.Testing;
using KubeBind.WatchBridge.Tests.Fakes;

namespace KubeBind.WatchBridge.Tests.Component;

/// <summary>One active bridge per lease, hand-over, and the probe endpoints.</summary>
[Collection(BridgeClusterCollection.Name)]
public sealed class LeadershipTests(BridgeClusterFixture fixture) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private TestCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Bridges_SendFromTheLeaderOnly_AndTheStandbyTakesOverWithAResync_WhenTheLeaderStops()
    {
        var lease = TestCluster.UniqueName("lease");
        var contract = await Cluster.CreateNamespaceAsync("contract");
        var a = await BridgeHost.StartAsync(Cluster, lease);
        await using var b = await BridgeHost.StartAsync(Cluster, lease);
        await WaitFor.ConditionAsync(() => Task.FromResult(a.Status.IsLeader != b.Status.IsLeader && (a.Status.IsSynced || b.Status.IsSynced)), "one bridge to lead");
        var (leader, standby) = a.Status.IsLeader ? (a, b) : (b, a);
        await using var toStop = leader;

        await Cluster.Kube.ApiServiceExportRequests().CreateAsync(Objects.Request(contract, "only-once", ("example.com", "widgets")), contract);
        await leader.Sender.WaitForAsync(m => m.Namespace == contract, "the leader to send the request");
        await leader.WaitUntilIdleAsync();

        Assert.Empty(standby.Sender.Sent);
        Assert.False(standby.Status.IsLeader);
        Assert.Equal(leader.Status.Identity, standby.Status.Leader);

        await leader.DisposeAsync();
        await standby.WaitUntilLeadingAsync();
        var resent = await standby.Sender.WaitForAsync(m => m.Namespace == contract, "the new leader to resend the request");

        Assert.Equal(("only-once", MessageEvents.Resync), (resent.Name, resent.Cause!.Event));
    }

    [Fact]
    public async Task Bridge_StopsSending_WhenAnotherHolderTakesTheLease()
    {
        var lease = TestCluster.UniqueName("lease");
        var contract = await Cluster.CreateNamespaceAsync("contract");
        await using var bridge = await BridgeHost.StartAsync(Cluster, lease);
        await bridge.WaitUntilLeadingAsync();
        var leases = Cluster.Kube.Resource(Lease.Resource, KubernetesJsonContext.Default.Lease);

        var current = await leases.GetAsync(lease, "default");
        var stolen = current.Spec! with { HolderIdentity = "intruder", LeaseDurationSeconds = 3600, RenewTime = DateTimeOffset.UtcNow };
        await leases.UpdateAsync(current with { Spec = stolen }, "default");
        await WaitFor.ConditionAsync(() => Task.FromResult(!bridge.Status.IsLeader && bridge.Status.Leader == "intruder"), "the bridge to see it lost the lease");
        await Cluster.Kube.ApiServiceExportRequests().CreateAsync(Objects.Request(contract, "unsent", ("example.com", "widgets")), contract);

        Assert.False(bridge.Status.IsSynced);
        Assert.Empty(bridge.Sender.InNamespace(contract));
    }

    [Fact]
    public async Task Endpoints_ReportLivenessReadinessAndMetrics_WhenTheBridgeLeads()
    {
        var contract = await Cluster.CreateNamespaceAsync("contract");
        await using var bridge = await BridgeHost.StartAsync(Cluster, TestCluster.UniqueName("lease"));
        await bridge.WaitUntilLeadingAsync();
        await Cluster.Kube.ApiServiceExportRequests().CreateAsync(Objects.Request(contract, "counted", ("example.com", "widgets")), contract);
        await bridge.Sender.WaitForAsync(m => m.Namespace == contract, "the request's message");

        using var healthz = await _http.GetAsync(new Uri(bridge.HealthAddress, "/healthz"));
        using var readyz = await _http.GetAsync(new Uri(bridge.HealthAddress, "/readyz"));
        using var metrics = await _http.GetAsync(new Uri(bridge.HealthAddress, "/metrics"));
        var metricsText = await metrics.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readyz.StatusCode);
        Assert.StartsWith("leader=true synced=true", await readyz.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", metrics.Content.Headers.ContentType!.ToString());
        Assert.Contains("\nkubebind_watchbridge_leader 1\n", metricsText, StringComparison.Ordinal);
        Assert.Contains("# TYPE kubebind_watchbridge_messages_sent_total counter\n", metricsText, StringComparison.Ordinal);
        Assert.Contains("kubebind_watchbridge_events_total{event=\"Added\",kind=\"APIServiceExportRequest\"} ", metricsText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_ReportsAStandbyAsReady_WhenAnotherBridgeLeads()
    {
        var lease = TestCluster.UniqueName("lease");
        await using var leader = await BridgeHost.StartAsync(Cluster, lease);
        await leader.WaitUntilLeadingAsync();
        await using var standby = await BridgeHost.StartAsync(Cluster, lease);
        await WaitFor.ConditionAsync(() => Task.FromResult(standby.Status.Leader == leader.Status.Identity), "the standby to see the leader");

        using var readyz = await _http.GetAsync(new Uri(standby.HealthAddress, "/readyz"));

        Assert.Equal(HttpStatusCode.OK, readyz.StatusCode);
        Assert.StartsWith("leader=false synced=false", await readyz.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose() => _http.Dispose();
}
