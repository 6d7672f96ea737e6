using System.Net;
using System.Text.Json.Nodes;
using KubeBind.Functions.Catalog;
using KubeBind.Functions.Tests.Support;

namespace KubeBind.Functions.Tests.Hosting;

/// <summary>
/// The custom-handler contract, as the Functions host exercises it: <c>POST /{FunctionName}</c> with the invocation
/// request of a queue trigger (TestData/Invocations holds the payload forms the host produces), HTTP functions
/// forwarded as-is, and clear errors for anything else.
/// </summary>
public sealed class CustomHandlerTests
{
    private static readonly string Message = Fixtures.Read("Invocations", "message.json").TrimEnd();

    public static TheoryData<string> PayloadForms => new() { "double-encoded-string.json", "plain-string.json", "object-data.json" };

    [Theory]
    [MemberData(nameof(PayloadForms))]
    public async Task QueueInvocation_Returns200WithInvocationResponse_ForEachDataForm(string fixture)
    {
        await using var app = await TestApp.StartCustomHandlerAsync();

        var response = await app.InvokeAsync(ScriptedQueueHandler.FunctionName, Fixtures.Read("Invocations", fixture));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(["Outputs", "Logs", "ReturnValue"], body.Select(p => p.Key));
        Assert.Empty(body["Outputs"]!.AsObject());
        Assert.Null(body["ReturnValue"]);
        Assert.Contains("kube-bind-7xk2p/demo", Assert.Single(body["Logs"]!.AsArray())!.GetValue<string>(), StringComparison.Ordinal);
        var invocation = Assert.Single(app.Recorder.Invocations);
        Assert.Equal(ScriptedQueueHandler.FunctionName, invocation.FunctionName);
        Assert.Equal(ScriptedQueueHandler.QueueName, invocation.QueueName);
        Assert.Equal(JsonNode.Parse(Message)!.ToJsonString(), JsonNode.Parse(invocation.MessageText)!.ToJsonString());
        Assert.Equal(2, invocation.DequeueCount);
        Assert.Equal("b4c1f7f0-6a58-4b8e-9b2f-2f0d6c1a9e11", invocation.MessageId);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 22, 18, 9, TimeSpan.Zero), invocation.InsertedAt);
    }

    [Fact]
    public async Task QueueInvocation_PassesMessageTextUnchanged_WhenHostDoubleEncodesIt()
    {
        await using var app = await TestApp.StartCustomHandlerAsync();

        await app.InvokeAsync(ScriptedQueueHandler.FunctionName, Fixtures.Read("Invocations", "double-encoded-string.json"));

        Assert.Equal(Message, Assert.Single(app.Recorder.Invocations).MessageText);
    }

    [Fact]
    public async Task QueueInvocation_Returns500_WhenHandlerThrows()
    {
        await using var app = await TestApp.StartCustomHandlerAsync();

        var response = await app.InvokeAsync(ScriptedQueueHandler.FunctionName, Fixtures.InvocationNaming("fail"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var logs = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["Logs"]!.AsArray();
        Assert.Contains("scripted failure", logs.Single()!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(app.Sender.Sent);
        Assert.Contains(app.Logs.Logs, l => l.Level == LogLevel.Error && l.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task QueueInvocation_SendsDelayedCopy_WhenHandlerAsksToRequeue()
    {
        await using var app = await TestApp.StartCustomHandlerAsync();
        var payload = Fixtures.InvocationNaming("requeue");

        var response = await app.InvokeAsync(ScriptedQueueHandler.FunctionName, payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (queue, text, delay) = Assert.Single(app.Sender.Sent);
        Assert.Equal(ScriptedQueueHandler.QueueName, queue);
        Assert.Equal(JsonNode.Parse(payload)!["Data"]!["message"]!.ToJsonString(), text);
        Assert.Equal(ScriptedQueueHandler.RequeueDelay, delay);
    }

    [Fact]
    public async Task QueueInvocation_Returns500_WhenRequeueCannotBeSent()
    {
        await using var app = await TestApp.StartCustomHandlerAsync();
        app.Sender.Failure = new HttpRequestException("Connection refused (127.0.0.1:10001)");

        var response = await app.InvokeAsync(ScriptedQueueHandler.FunctionName, Fixtures.InvocationNaming("requeue"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Connection refused", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(app.Recorder.Invocations);
    }

    [Fact]
    public async Task QueueInvocation_LogsScopeWithFunctionMessageIdAndKey()
    {
        await using var app = await TestApp.StartCustomHandlerAsync();

        await app.InvokeAsync(ScriptedQueueHandler.FunctionName, Fixtures.Read("Invocations", "plain-string.json"));

        var line = Assert.Single(app.Logs.Logs, l => l.EventId == 100);
        Assert.Equal(ScriptedQueueHandler.FunctionName, line.Scope("FunctionName"));
        Assert.Equal("b4c1f7f0-6a58-4b8e-9b2f-2f0d6c1a9e11", line.Scope("MessageId"));
        Assert.Equal("kube-bind-7xk2p/demo", line.Scope("Key"));
        Assert.Equal(2L, line.Scope("DequeueCount"));
    }

    [Fact]
    public async Task QueueInvocation_Returns404NamingTheQueueFunctions_WhenFunctionIsUnknown()
    {
        await using var app = await TestApp.StartCustomHandlerAsync();

        var response = await app.InvokeAsync("NoSuchFunction", Fixtures.Read("Invocations", "plain-string.json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var detail = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>();
        Assert.Contains("'NoSuchFunction'", detail, StringComparison.Ordinal);
        Assert.Contains(ScriptedQueueHandler.FunctionName, detail, StringComparison.Ordinal);
        Assert.Empty(app.Recorder.Invocations);
    }

    [Fact]
    public async Task QueueInvocation_Returns404PointingToTheRoute_WhenFunctionIsHttpTriggered()
    {
        await using var app = await TestApp.StartCustomHandlerAsync();

        var response = await app.InvokeAsync("Health", Fixtures.Read("Invocations", "plain-string.json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("/api/healthz", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"Data\": ", "not JSON")]
    [InlineData("", "not JSON")]
    [InlineData("[1, 2]", "must be a JSON object")]
    [InlineData("{\"Metadata\": {}}", "no \\\"Data\\\" object")]
    [InlineData("{\"Data\": {\"other\": \"x\"}}", "no \\\"message\\\" entry")]
    [InlineData("{\"Data\": {\"message\": \"{}\"}, \"Metadata\": {\"DequeueCount\": \"many\"}}", "DequeueCount 'many'")]
    public async Task QueueInvocation_Returns400WithReason_WhenRequestIsMalformed(string payload, string reason)
    {
        await using var app = await TestApp.StartCustomHandlerAsync();

        var response = await app.InvokeAsync(ScriptedQueueHandler.FunctionName, payload);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(app.Recorder.Invocations);
    }

    [Fact]
    public async Task HttpFunction_ServesForwardedRequest_AtItsApiRoute()
    {
        await using var app = await TestApp.StartCustomHandlerAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/healthz?probe=1");
        request.Headers.Add("X-Azure-Functions-HostVersion", "4.1040.300.25317");
        request.Headers.Add("X-Azure-Functions-InvocationId", "0d8f6f3e-3a7e-4b51-9f43-1f2e0c9b8a77");

        var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ok", body["status"]!.GetValue<string>());
        Assert.Equal("CustomHandler", body["mode"]!.GetValue<string>());
        Assert.Equal([.. FunctionCatalog.Default.Functions.Select(f => f.Name), ScriptedQueueHandler.FunctionName], body["functions"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task HttpFunction_Returns405_WhenMethodIsNotServed()
    {
        await using var app = await TestApp.StartCustomHandlerAsync();

        var response = await app.Client.DeleteAsync(new Uri("/api/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Root_AnswersTheHostsReadinessPing()
    {
        await using var app = await TestApp.StartCustomHandlerAsync();

        var response = await app.Client.GetAsync(new Uri("/", UriKind.Relative));

        // The host only waits for any HTTP answer; a 404 that lists the functions also helps whoever curls it.
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Health (GET /api/healthz)", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
