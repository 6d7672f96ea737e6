using KubeBind.Api.Queues;
using KubeBind.Api.V1Alpha2;
using KubeBind.Functions.Catalog;
using KubeBind.Functions.ExportRequests;
using KubeBind.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KubeBind.Functions.Tests.ExportRequests;

[Collection(ExportRequestCollection.Name)]
public sealed class ExportRequestHandlerTests(ExportRequestFixture fixture) : IDisposable
{
    private readonly CancellationTokenSource _deadline = new(WaitFor.DefaultTimeout);
    private ServiceProvider? _services;

    public void Dispose()
    {
        _services?.Dispose();
        _deadline.Dispose();
    }

    public static TheoryData<string> MalformedMessages { get; } = new()
    {
        "not json",
        "{}",
        """{"kind":"APIServiceExportRequest","namespace":"contract"}""",
        """{"kind":"APIServiceExport","namespace":"contract","name":"export"}""",
        """{"kind":"APIServiceExportRequest","name":"export"}""",
    };

    [Theory]
    [MemberData(nameof(MalformedMessages))]
    public async Task HandleAsync_CompletesMessage_WhenMessageIsMalformed(string text)
    {
        var handler = Handler();

        var result = await handler.HandleAsync(Invocation(text), _deadline.Token);

        Assert.Same(QueueResult.Done, result);
    }

    [Fact]
    public async Task HandleAsync_ReconcilesRequestAndComesBackToPruneIt_WhenMessageNamesARequest()
    {
        var request = await fixture.CreateRequestAsync(new() { Resources = [new() { Group = "wildwest.dev", Resource = "cowboys" }] });
        var message = new ReconcileMessage { Kind = ApiServiceExportRequest.KindName, Namespace = request.Metadata.Namespace, Name = "export" };

        var result = await Handler().HandleAsync(Invocation(message.ToJson()), _deadline.Token);

        Assert.InRange(result.RequeueAfter!.Value, ExportRequestReconciler.Retention - TimeSpan.FromMinutes(1), ExportRequestReconciler.Retention);
        Assert.Equal(RequestPhase.Succeeded, (await fixture.Requests.GetAsync("export", request.Metadata.Namespace)).Status.Phase);
    }

    [Fact]
    public async Task HandleAsync_CompletesWithoutRequeue_WhenPolicyIsAlways()
    {
        var request = await fixture.CreateRequestAsync(new() { Resources = [new() { Group = "wildwest.dev", Resource = "cowboys" }], SchemaUpdatePolicy = SchemaUpdatePolicy.Always });
        var message = new ReconcileMessage { Kind = ApiServiceExportRequest.KindName, Namespace = request.Metadata.Namespace, Name = "export" };

        var result = await Handler().HandleAsync(Invocation(message.ToJson()), _deadline.Token);

        Assert.Null(result.RequeueAfter);
    }

    [Fact]
    public async Task HandleAsync_CompletesMessage_WhenRequestIsGone()
    {
        var ns = await fixture.Cluster.CreateNamespaceAsync("contract");
        var message = new ReconcileMessage { Kind = ApiServiceExportRequest.KindName, Namespace = ns, Name = "deleted" };

        var result = await Handler().HandleAsync(Invocation(message.ToJson()), _deadline.Token);

        Assert.Same(QueueResult.Done, result);
    }

    private static QueueInvocation Invocation(string text) =>
        new() { FunctionName = ExportRequestsFunction.Name, QueueName = ExportRequestsFunction.QueueName, MessageText = text, MessageId = "m-1" };

    // Through the function's registration, as the host resolves the catalog's handler type.
    private ExportRequestHandler Handler(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create($"{ExportRequestOptions.SectionName}:{s.Key}", (string?)s.Value)))
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(fixture.Kube).AddExportRequestsFunction(configuration);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return _services.GetRequiredService<ExportRequestHandler>();
    }
}
