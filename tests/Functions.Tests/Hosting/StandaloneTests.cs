using System.Net;
using System.Text.Json.Nodes;
using KubeBind.Api.Queues;
using KubeBind.Functions.Catalog;
using KubeBind.Functions.Hosting;
using KubeBind.Functions.Hosting.Standalone;
using KubeBind.Functions.Tests.Support;
using KubeBind.Testing;

namespace KubeBind.Functions.Tests.Hosting;

/// <summary>Standalone mode: the same catalog served without the Functions host, queue functions fed by a listener.</summary>
public sealed class StandaloneTests
{
    [Fact]
    public async Task Start_ServesHttpFunctions_OnTheStandaloneUrl()
    {
        await using var app = await TestApp.StartStandaloneAsync(services => services.AddSingleton<IQueueTriggerSource>(new FakeQueueTriggerSource()));

        var body = JsonNode.Parse(await app.Client.GetStringAsync(new Uri("/api/healthz", UriKind.Relative)))!;

        Assert.Equal(FunctionsMode.Standalone, app.Host.Mode);
        Assert.Equal("Standalone", body["mode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Start_DoesNotAcceptInvocationPosts_InStandaloneMode()
    {
        await using var app = await TestApp.StartStandaloneAsync(services => services.AddSingleton<IQueueTriggerSource>(new FakeQueueTriggerSource()));

        var response = await app.InvokeAsync(ScriptedQueueHandler.FunctionName, Fixtures.Read("Invocations", "plain-string.json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(app.Recorder.Invocations);
    }

    [Fact]
    public async Task QueueTrigger_DeliversListenerMessagesToTheHandler_AndRequeuesThroughTheSender()
    {
        var source = new FakeQueueTriggerSource();
        await using var app = await TestApp.StartStandaloneAsync(services => services.AddSingleton<IQueueTriggerSource>(source));
        var handle = await ListeningAsync(source);

        await handle(Invocation("requeue"), CancellationToken.None);

        var invocation = Assert.Single(app.Recorder.Invocations);
        Assert.Equal(3, invocation.DequeueCount);
        Assert.Equal(ScriptedQueueHandler.QueueName, Assert.Single(app.Sender.Sent).Queue);
    }

    [Fact]
    public async Task QueueTrigger_LetsTheListenerSeeTheFailure_WhenHandlerThrows()
    {
        var source = new FakeQueueTriggerSource();
        await using var app = await TestApp.StartStandaloneAsync(services => services.AddSingleton<IQueueTriggerSource>(source));
        var handle = await ListeningAsync(source);

        await Assert.ThrowsAsync<InvalidOperationException>(() => handle(Invocation("fail"), CancellationToken.None));

        Assert.Single(app.Recorder.Invocations);
    }

    private static Task<Func<QueueInvocation, CancellationToken, Task>> ListeningAsync(FakeQueueTriggerSource source) =>
        WaitFor.ValueAsync(
            () => Task.FromResult(source.Handlers.GetValueOrDefault(ScriptedQueueHandler.FunctionName)),
            "the standalone host to start listening for the test queue function");

    private static QueueInvocation Invocation(string name) => new()
    {
        FunctionName = ScriptedQueueHandler.FunctionName,
        QueueName = ScriptedQueueHandler.QueueName,
        MessageText = new ReconcileMessage { Kind = "APIServiceExportRequest", Namespace = "kube-bind-7xk2p", Name = name }.ToJson(),
        DequeueCount = 3,
        MessageId = "m-1",
    };
}
