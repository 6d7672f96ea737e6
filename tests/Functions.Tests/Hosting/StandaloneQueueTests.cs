using KubeBind.Api.Queues;
using KubeBind.Functions.Catalog;
using KubeBind.Functions.Tests.Support;
using KubeBind.Queues;
using KubeBind.Testing;
using Microsoft.Extensions.Options;

namespace KubeBind.Functions.Tests.Hosting;

/// <summary>
/// Standalone mode end to end on Azurite: the app's own queue listener, configured from the host.json it is given,
/// delivers messages to the catalog's handler, deletes handled ones and poisons failing ones.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StandaloneQueueTests(Azurite azurite) : IDisposable
{
    private readonly QueueServiceClient _service = new(azurite.ConnectionString);
    private readonly string _queueName = $"kubebind-test-{Guid.NewGuid():n}";

    [Fact]
    public async Task Listener_DeliversAMessageToTheHandler_AndDeletesItOnceHandled()
    {
        await using var app = await StartAsync();
        var text = Message("demo");

        await _service.GetQueueClient(_queueName).SendMessageAsync(text);

        var invocation = await WaitFor.ValueAsync(() => Task.FromResult(app.Recorder.Invocations.FirstOrDefault()), "the handler to receive the message");
        Assert.Equal(text, invocation.MessageText);
        Assert.Equal(_queueName, invocation.QueueName);
        Assert.Equal(1, invocation.DequeueCount);
        Assert.NotNull(invocation.MessageId);
        await WaitFor.ConditionAsync(
            async () => (await _service.GetQueueClient(_queueName).GetPropertiesAsync()).ApproximateMessageCount == 0,
            "the handled message to be deleted");
    }

    [Fact]
    public async Task Listener_MovesAFailingMessageToThePoisonQueue_AfterMaxDequeueCountFromHostJson()
    {
        await using var app = await StartAsync();
        var text = Message("fail");

        await _service.GetQueueClient(_queueName).SendMessageAsync(text);

        var poisoned = await WaitFor.ValueAsync(
            async () => await _service.GetQueueClient(QueueNames.Poison(_queueName)).PeekMessagesAsync(1) is [var message] ? message : null,
            "the failing message to reach the poison queue");
        Assert.Equal(text, poisoned.Text);
        Assert.Equal([1L, 2L], app.Recorder.Invocations.Select(i => i.DequeueCount));
    }

    [Fact]
    public async Task Start_Fails_WhenHostJsonQueueSettingsAreInvalid()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync("invalid-queues.json"));

        Assert.Contains(error.Failures, f => f.StartsWith("HostJsonPath: ", StringComparison.Ordinal) && f.Contains("batchSize", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_Fails_WhenHostJsonMessageEncodingIsNotBase64()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync("plain-encoding.json"));

        Assert.Contains(error.Failures, f => f.StartsWith("HostJsonPath: ", StringComparison.Ordinal) && f.Contains("base64", StringComparison.Ordinal));
    }

    public void Dispose() => _service.Dispose();

    private async Task<TestApp> StartAsync(string hostJson = "fast-retries.json")
    {
        // The listener creates its queues too, but maybe only after the test has sent or peeked.
        await _service.GetQueueClient(_queueName).CreateIfNotExistsAsync();
        await _service.GetQueueClient(QueueNames.Poison(_queueName)).CreateIfNotExistsAsync();
        return await TestApp.StartAsync(
            [
                "--StandaloneUrl=http://127.0.0.1:0",
                $"--AzureWebJobsStorage={azurite.ConnectionString}",
                $"--HostJsonPath={Path.Combine(AppContext.BaseDirectory, "TestData", "HostJson", hostJson)}",
            ],
            queueFunction: FunctionDefinition.Queue<ScriptedQueueHandler>(ScriptedQueueHandler.FunctionName, _queueName));
    }

    private static string Message(string name) =>
        new ReconcileMessage { Kind = "APIServiceExportRequest", Namespace = "kube-bind-7xk2p", Name = name }.ToJson();
}
