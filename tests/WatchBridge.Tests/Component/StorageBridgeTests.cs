using KubeBind.Api.Queues;
using KubeBind.Api.V1Alpha2;
using KubeBind.Queues;
using KubeBind.Testing;
using KubeBind.WatchBridge.Tests.Fakes;

namespace KubeBind.WatchBridge.Tests.Component;

/// <summary>The bridge with its default sender: watch events become Storage queue messages a function can read.</summary>
[Collection(BridgeClusterCollection.Name)]
public sealed class StorageBridgeTests(BridgeClusterFixture fixture, Azurite azurite) : IClassFixture<Azurite>
{
    [Fact]
    public async Task Bridge_PutsReconcileMessagesOnTheStorageQueue_WhenNoOtherSenderIsGiven()
    {
        var cluster = fixture.Cluster;
        var contract = await cluster.CreateNamespaceAsync("contract");
        await using var bridge = await BridgeHost.StartAsync(cluster, TestCluster.UniqueName("lease"), recordMessages: false, ("AzureWebJobsStorage", azurite.ConnectionString));
        await bridge.WaitUntilLeadingAsync();
        using var service = new QueueServiceClient(azurite.ConnectionString);
        var queue = service.GetQueueClient(ReconcileTargets.ExportRequests.Queue);

        await cluster.Kube.ApiServiceExportRequests().CreateAsync(Objects.Request(contract, "stored", ("example.com", "widgets")), contract);
        var received = new List<ReconcileMessage>();
        await WaitFor.ConditionAsync(
            async () =>
            {
                try
                {
                    received.AddRange((await queue.ReceiveMessagesAsync(QueueClient.MaxMessagesPerCall)).Select(m => ReconcileMessage.Parse(m.Text)));
                }
                catch (QueueStorageException e) when (e.IsQueueNotFound)
                {
                    // The bridge creates the queue with its first message.
                }

                return received.Any(m => m.Namespace == contract);
            },
            "the request's message on the Storage queue");

        var message = Assert.Single(received, m => m.Namespace == contract);
        Assert.Equal(("APIServiceExportRequest", "stored", MessageEvents.Added), (message.Kind, message.Name, message.Cause!.Event));
    }
}
