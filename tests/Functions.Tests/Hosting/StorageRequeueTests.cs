using System.Net;
using System.Text.Json.Nodes;
using KubeBind.Functions.Catalog;
using KubeBind.Functions.Tests.Support;
using KubeBind.Queues;
using KubeBind.Testing;

namespace KubeBind.Functions.Tests.Hosting;

/// <summary>RequeueAfter through the real sender: the copy lands on the Storage queue as the queue trigger will read it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageRequeueTests(Azurite azurite) : IDisposable
{
    private readonly QueueServiceClient _service = new(azurite.ConnectionString);

    [Fact]
    public async Task QueueInvocation_PutsTheCopyOnTheQueue_Base64EncodedAsTheTriggerReadsIt()
    {
        var (queue, raw, function) = await CreateQueueAsync();
        await using var app = await StartAsync(function);
        var payload = Fixtures.InvocationNaming("requeue-now");

        var response = await app.InvokeAsync(function.Name, payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var copy = Assert.Single(await raw.PeekMessagesAsync(32));
        var text = JsonNode.Parse(payload)!["Data"]!["message"]!.ToJsonString();
        Assert.Equal(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)), copy.Text);
        Assert.Equal(text, Assert.Single(await queue.ReceiveMessagesAsync(32)).Text);
    }

    [Fact]
    public async Task QueueInvocation_KeepsTheCopyInvisible_ForTheRequestedDelay()
    {
        var (queue, _, function) = await CreateQueueAsync();
        await using var app = await StartAsync(function);

        var response = await app.InvokeAsync(function.Name, Fixtures.InvocationNaming("requeue"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await queue.GetPropertiesAsync()).ApproximateMessageCount);
        Assert.Empty(await queue.PeekMessagesAsync(32));
    }

    public void Dispose() => _service.Dispose();

    private Task<TestApp> StartAsync(FunctionDefinition function) =>
        TestApp.StartAsync(
            [$"--{FunctionsOptions.CustomHandlerPortKey}=0", $"--AzureWebJobsStorage={azurite.ConnectionString}"],
            fakeSender: false,
            queueFunction: function);

    private async Task<(QueueClient Queue, QueueClient Raw, FunctionDefinition Function)> CreateQueueAsync()
    {
        var name = $"kubebind-test-{Guid.NewGuid():n}";
        var queue = _service.GetQueueClient(name);
        await queue.CreateIfNotExistsAsync();
        return (queue, _service.GetQueueClient(name, QueueMessageEncoding.None), FunctionDefinition.Queue<ScriptedQueueHandler>(ScriptedQueueHandler.FunctionName, name));
    }
}
