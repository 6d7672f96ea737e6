using System.Text.Json.Nodes;
using KubeBind.Api;
using KubeBind.Api.Queues;
using KubeBind.Api.V1Alpha2;
using KubeBind.Kubernetes.Rest;
using KubeBind.Testing;
using KubeBind.WatchBridge.Tests.Fakes;

namespace KubeBind.WatchBridge.Tests.Component;

/// <summary>The bridge against a cluster: events in, messages out. Tests of this collection run one at a time.</summary>
[Collection(BridgeClusterCollection.Name)]
public sealed class BridgeTests(BridgeClusterFixture fixture)
{
    private TestCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Bridge_SendsOneMessageWithKeyAndCause_WhenARequestIsCreated()
    {
        await using var bridge = await StartLeaderAsync();
        var ns = await Cluster.CreateNamespaceAsync("contract");

        var created = await Cluster.Kube.ApiServiceExportRequests().CreateAsync(Objects.Request(ns, "widgets", ("example.com", "widgets")), ns);
        await bridge.Sender.WaitForAsync(m => m.Namespace == ns, "a message for the new request");
        await bridge.WaitUntilIdleAsync();

        var (queue, message) = Assert.Single(bridge.Sender.Sent, s => s.Message.Namespace == ns);
        Assert.Equal(QueueNames.ExportRequests, queue);
        Assert.Equal("APIServiceExportRequest", message.Kind);
        Assert.Equal("widgets", message.Name);
        Assert.Equal(MessageEvents.Added, message.Cause!.Event);
        Assert.Equal("APIServiceExportRequest", message.Cause.Kind);
        Assert.Equal(created.Metadata.ResourceVersion, message.Cause.ResourceVersion);
    }

    [Fact]
    public async Task Bridge_CoalescesABurstOfUpdates_WhileTheSenderIsBlocked()
    {
        await using var bridge = await StartLeaderAsync(("Workers", "1"));
        await bridge.WaitUntilIdleAsync();
        var ns = await Cluster.CreateNamespaceAsync("contract");
        var coalescedBefore = bridge.Metrics.Read("kubebind.watchbridge.messages.coalesced");
        var eventsBefore = bridge.EventsSeen("APIServiceExportRequest");
        bridge.Sender.Hold();
        await Cluster.Kube.ApiServiceExportRequests().CreateAsync(Objects.Request(ns, "busy", ("example.com", "widgets")), ns);
        await WaitFor.ConditionAsync(() => Task.FromResult(bridge.Sender.Blocked == 1), "the first message to wait at the blocked sender");

        const int Updates = 10;
        for (var i = 0; i < Updates; i++)
        {
            await Cluster.Kube.ApiServiceExportRequests().PatchAsync("busy", PatchType.Merge, new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["round"] = $"{i}" } } }, ns);
        }

        await WaitFor.ConditionAsync(() => Task.FromResult(bridge.EventsSeen("APIServiceExportRequest") - eventsBefore == Updates + 1), "every update to be seen");
        bridge.Sender.Release();
        await bridge.WaitUntilIdleAsync();

        var messages = bridge.Sender.For(ns, "busy");
        var coalesced = bridge.Metrics.Read("kubebind.watchbridge.messages.coalesced") - coalescedBefore;
        Assert.True(messages.Count < Updates + 1, $"{messages.Count} messages for {Updates + 1} events");
        Assert.Equal(Updates + 1, messages.Count + coalesced);
        Assert.Equal($"{Updates - 1}", (await Cluster.Kube.ApiServiceExportRequests().GetAsync("busy", ns)).Metadata.Labels!["round"]);
        Assert.Equal(MessageEvents.Modified, messages[^1].Cause!.Event);
    }

    [Fact]
    public async Task Bridge_SendsForRequestsThatNeedTheSchema_WhenABoundSchemaChanges()
    {
        var group = UniqueGroup();
        var contract = await Cluster.CreateNamespaceAsync("contract");
        var other = await Cluster.CreateNamespaceAsync("contract");
        await Cluster.Kube.ApiServiceExportRequests().CreateAsync(Objects.Request(contract, "asking", (group, "widgets")), contract);
        await Cluster.Kube.ApiServiceExportRequests().CreateAsync(Objects.Request(contract, "unrelated", (group, "gadgets")), contract);
        await Cluster.Kube.ApiServiceExportRequests().CreateAsync(Objects.Request(other, "elsewhere", (group, "widgets")), other);
        await using var bridge = await StartLeaderAsync();
        await bridge.WaitUntilIdleAsync();
        var seen = bridge.EventsSeen("BoundSchema");

        await Cluster.Kube.BoundSchemas().CreateAsync(Objects.BoundSchema(contract, group, "widgets", "Widget"), contract);
        await bridge.Sender.WaitForAsync(m => m.Name == "asking" && m.Cause?.Kind == "BoundSchema", "a message for the request needing the schema");
        await WaitFor.ConditionAsync(() => Task.FromResult(bridge.EventsSeen("BoundSchema") > seen), "the BoundSchema event to be routed");
        await bridge.WaitUntilIdleAsync();

        var fromSchema = bridge.Sender.Sent.Select(s => s.Message).Where(m => m.Cause?.Kind == "BoundSchema").ToList();
        var message = Assert.Single(fromSchema, m => m.Namespace == contract || m.Namespace == other);
        Assert.Equal((contract, "asking"), (message.Namespace, message.Name));
        Assert.Equal($"widgets.{group}", message.Cause!.Name);
    }

    [Fact]
    public async Task Bridge_SendsForRequestsNamingTheCrd_WhenAnExportedCrdIsAddedOrLosesItsLabel()
    {
        var group = UniqueGroup();
        var first = await Cluster.CreateNamespaceAsync("contract");
        var second = await Cluster.CreateNamespaceAsync("contract");
        await Cluster.Kube.ApiServiceExportRequests().CreateAsync(Objects.Request(first, "one", (group, "widgets")), first);
        await Cluster.Kube.ApiServiceExportRequests().CreateAsync(Objects.Request(second, "two", (group, "widgets")), second);
        await Cluster.Kube.ApiServiceExportRequests().CreateAsync(Objects.Request(first, "unrelated", (group, "gadgets")), first);
        await using var bridge = await StartLeaderAsync();
        await bridge.WaitUntilIdleAsync();
        var crdName = $"widgets.{group}";
        Cluster.DeleteLater($"/apis/apiextensions.k8s.io/v1/customresourcedefinitions/{crdName}");

        await Cluster.Kube.CustomResourceDefinitions().CreateAsync(Objects.Crd(group, "widgets", "Widget"));
        // A real API server also reports the CRD's status updates, which may merge with the Added event.
        await WaitForCrdMessagesAsync(bridge, [MessageEvents.Added, MessageEvents.Modified], (first, "one"), (second, "two"));
        await Cluster.Kube.CustomResourceDefinitions().PatchAsync(
            crdName, PatchType.Merge, new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { [Labels.Exported] = null } } });
        await WaitForCrdMessagesAsync(bridge, [MessageEvents.Deleted], (first, "one"), (second, "two"));
        await bridge.WaitUntilIdleAsync();

        var fromCrd = bridge.Sender.Sent.Select(s => s.Message).Where(m => m.Cause?.Kind == "CustomResourceDefinition" && m.Cause.Name == crdName).ToList();
        Assert.DoesNotContain(fromCrd, m => m.Name == "unrelated");
        Assert.All(fromCrd, m => Assert.Equal("APIServiceExportRequest", m.Kind));
    }

    [Fact]
    public async Task Bridge_SendsForTheSameNamedRequest_WhenAnExportChanges()
    {
        var contract = await Cluster.CreateNamespaceAsync("contract");
        await using var bridge = await StartLeaderAsync();

        await Cluster.Kube.ApiServiceExports().CreateAsync(Objects.Export(contract, "my-binding", "example.com", "widgets"), contract);
        var message = await bridge.Sender.WaitForAsync(m => m.Namespace == contract, "a message for the export's request");

        Assert.Equal(("APIServiceExportRequest", "my-binding"), (message.Kind, message.Name));
        Assert.Equal(("APIServiceExport", "my-binding"), (message.Cause!.Kind, message.Cause.Name));
        Assert.Equal(QueueNames.ExportRequests, Assert.Single(bridge.Sender.Sent, s => s.Message.Namespace == contract).Queue);
    }

    [Fact]
    public async Task Bridge_ResendsEveryRequestOnStart_WhenItRestarts()
    {
        var contract = await Cluster.CreateNamespaceAsync("contract");
        var lease = TestCluster.UniqueName("lease");
        var first = await StartLeaderAsync(lease);
        await Cluster.Kube.ApiServiceExportRequests().CreateAsync(Objects.Request(contract, "a", ("example.com", "widgets")), contract);
        await Cluster.Kube.ApiServiceExportRequests().CreateAsync(Objects.Request(contract, "b", ("example.com", "gadgets")), contract);
        await WaitFor.ConditionAsync(() => Task.FromResult(first.Sender.InNamespace(contract).Count == 2), "both requests to be sent");
        await first.DisposeAsync();

        await using var second = await StartLeaderAsync(lease);
        await second.WaitUntilIdleAsync();

        var resent = second.Sender.InNamespace(contract).Where(m => m.Cause?.Event == MessageEvents.Resync).Select(m => m.Name).Order().ToList();
        Assert.Equal(["a", "b"], resent);
    }

    [Fact]
    public async Task Bridge_ResendsEveryRequest_WhenTheResyncPeriodPasses()
    {
        var contract = await Cluster.CreateNamespaceAsync("contract");
        await using var bridge = await StartLeaderAsync(("ResyncPeriod", "00:00:00.3"));
        var periodicBefore = bridge.Metrics.Read("kubebind.watchbridge.resyncs", KeyValuePair.Create("reason", "periodic"));

        await Cluster.Kube.ApiServiceExportRequests().CreateAsync(Objects.Request(contract, "steady", ("example.com", "widgets")), contract);
        await bridge.Sender.WaitForAsync(m => m.Namespace == contract && m.Cause?.Event == MessageEvents.Added, "the request's own message");
        await bridge.Sender.WaitForAsync(m => m.Namespace == contract && m.Cause?.Event == MessageEvents.Resync, "a periodic resync of the request");

        Assert.True(bridge.Metrics.Read("kubebind.watchbridge.resyncs", KeyValuePair.Create("reason", "periodic")) > periodicBefore);
    }

    private Task<BridgeHost> StartLeaderAsync(params (string Key, string Value)[] overrides) => StartLeaderAsync(TestCluster.UniqueName("lease"), overrides);

    private async Task<BridgeHost> StartLeaderAsync(string lease, params (string Key, string Value)[] overrides)
    {
        var bridge = await BridgeHost.StartAsync(Cluster, lease, overrides);
        await bridge.WaitUntilLeadingAsync();
        return bridge;
    }

    private static string UniqueGroup() => $"{TestCluster.UniqueName("g")}.example.com";

    private static Task WaitForCrdMessagesAsync(BridgeHost bridge, string[] events, params (string Namespace, string Name)[] requests) =>
        WaitFor.ConditionAsync(
            () => Task.FromResult(requests.All(r => bridge.Sender.For(r.Namespace, r.Name).Any(m => m.Cause?.Kind == "CustomResourceDefinition" && events.Contains(m.Cause.Event)))),
            $"{string.Join('/', events)} CRD messages for {string.Join(", ", requests)}");
}
