using System.Text.Json.Nodes;
using KubeBind.Api.Queues;

namespace KubeBind.WatchBridge.Tests.Routing;

/// <summary>The queue contract the bridge and the functions share (KubeBind.Api.Queues).</summary>
public sealed class ReconcileTargetsTests
{
    [Fact]
    public void ForQueue_ReturnsTheExportRequestTarget_WhenGivenItsQueue()
    {
        var target = ReconcileTargets.ForQueue(QueueNames.ExportRequests);

        Assert.Same(ReconcileTargets.ExportRequests, target);
        Assert.Equal("APIServiceExportRequest", target!.Kind);
    }

    [Fact]
    public void ForQueue_ReturnsNull_WhenNoReconcilerListens()
    {
        var target = ReconcileTargets.ForQueue(QueueNames.Poison(QueueNames.ExportRequests));

        Assert.Null(target);
    }

    [Fact]
    public void All_HasOneTargetPerQueue()
    {
        var queues = ReconcileTargets.All.Select(t => t.Queue).ToList();

        Assert.Equal(queues.Distinct().Count(), queues.Count);
    }

    [Fact]
    public void Message_CarriesKeyKindAndCause_WithoutTheObject()
    {
        var cause = new MessageCause { Event = MessageEvents.Modified, Kind = "BoundSchema", Namespace = "contract-a", Name = "widgets.example.com", ResourceVersion = "7" };

        var json = JsonNode.Parse(ReconcileTargets.ExportRequests.Message("contract-a", "widgets", cause).ToJson())!.AsObject();

        Assert.Equal(["kind", "namespace", "name", "cause"], json.Select(p => p.Key).ToList());
        Assert.Equal("APIServiceExportRequest", json["kind"]!.GetValue<string>());
        Assert.Equal("contract-a", json["namespace"]!.GetValue<string>());
        Assert.Equal("widgets", json["name"]!.GetValue<string>());
        Assert.Equal("BoundSchema", json["cause"]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public void Message_LeavesNamespaceOut_WhenTheObjectIsClusterScoped()
    {
        var message = new ReconcileTarget("kubebind-clusters", "Cluster").Message(string.Empty, "default");

        Assert.DoesNotContain("namespace", message.ToJson(), StringComparison.Ordinal);
        Assert.Null(message.Namespace);
    }

    [Fact]
    public void Accepts_IsFalse_WhenTheMessageNamesAnotherKind()
    {
        var message = new ReconcileTarget("kubebind-other", "APIServiceExport").Message("ns", "name");

        var accepted = ReconcileTargets.ExportRequests.Accepts(message);

        Assert.False(accepted);
    }
}
