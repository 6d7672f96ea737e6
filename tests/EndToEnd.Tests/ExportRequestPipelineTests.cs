using KubeBind.Api;
using KubeBind.Api.Conditions;
using KubeBind.Api.Queues;
using KubeBind.Api.V1Alpha2;
using KubeBind.Functions.ExportRequests;
using KubeBind.Kubernetes;
using KubeBind.Kubernetes.Models;
using KubeBind.Testing;

namespace KubeBind.EndToEnd.Tests;

/// <summary>
/// An APIServiceExportRequest travels the whole provider pipeline: watch bridge → Storage queue (Azurite) → the
/// export-request function in standalone mode → APIServiceExport, BoundSchema and a Succeeded request.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class ExportRequestPipelineTests(PipelineFixture fixture) : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly KubernetesClient _kube = fixture.Cluster.Kube;
    private readonly string _lease = TestCluster.UniqueName("bridge");
    private Bridge? _bridge;

    public async Task InitializeAsync() => _bridge = await Bridge.StartAsync(fixture, _lease);

    public async Task DisposeAsync()
    {
        if (_bridge is not null)
        {
            await _bridge.DisposeAsync();
        }
    }

    [Fact]
    public async Task Pipeline_ExportsCowboys_WhenRequestNamesAnExportedCrd()
    {
        var ns = await fixture.Cluster.CreateNamespaceAsync("contract");

        await CreateRequestAsync(ns, "cowboys", Cowboys(), [new PermissionClaim { Group = "", Resource = "secrets" }]);

        var request = await WaitForPhaseAsync(ns, "cowboys", RequestPhase.Succeeded);
        AssertCondition(request, ExportRequestConditions.ExportsReady, ConditionStatus.True);
        AssertCondition(request, ConditionType.Ready, ConditionStatus.True);
        var export = await _kube.ApiServiceExports().GetAsync("cowboys", ns);
        var resource = Assert.Single(export.Spec.Resources);
        Assert.Equal(("wildwest.dev", "cowboys"), (resource.Group, resource.Resource));
        Assert.Equal("secrets", Assert.Single(export.Spec.PermissionClaims).Resource);
        Assert.Equal(InformerScope.Namespaced, export.Spec.InformerScope);
        var schema = await _kube.BoundSchemas().GetAsync("cowboys.wildwest.dev", ns);
        Assert.Equal("Cowboy", schema.Spec.Names.Kind);
        Assert.True(schema.Spec.Versions[0].Schema?.TryGetProperty("openAPIV3Schema", out _), "the BoundSchema keeps the CRD's wrapped schema");
        Assert.False(string.IsNullOrEmpty(schema.Metadata.Annotations?[Annotations.SourceSpecHash]));
        Assert.Contains(schema.Metadata.OwnerReferences ?? [], o => o.Kind == ApiServiceExport.KindName && o.Uid == export.Metadata.Uid);
    }

    [Fact]
    public async Task Pipeline_MarksSchemaNotFound_WhenResourceIsNotExported()
    {
        var ns = await fixture.Cluster.CreateNamespaceAsync("contract");

        await CreateRequestAsync(ns, "unicorns", [new ApiServiceExportRequestResource { Group = "wildwest.dev", Resource = "unicorns", Versions = ["v1alpha1"] }]);

        var request = await WaitForRequestAsync(ns, "unicorns", r => HasCondition(r, ExportRequestConditions.ExportsReady, ConditionStatus.False), "ExportsReady=False");
        Assert.Equal(ExportRequestConditions.SchemaNotFound, request.Status.Conditions.Single(c => c.Type == ExportRequestConditions.ExportsReady).Reason);
        Assert.NotEqual(RequestPhase.Succeeded, request.Status.Phase);
        Assert.Null(await _kube.ApiServiceExports().GetOrNullAsync("unicorns", ns));
    }

    [Fact]
    public async Task Pipeline_FailsRequest_WhenAClaimIsNotClaimable()
    {
        var ns = await fixture.Cluster.CreateNamespaceAsync("contract");

        await CreateRequestAsync(ns, "greedy", Cowboys(), [new PermissionClaim { Group = "apps", Resource = "deployments" }]);

        var request = await WaitForPhaseAsync(ns, "greedy", RequestPhase.Failed);
        AssertCondition(request, ExportRequestConditions.PermissionClaim, ConditionStatus.False, ExportRequestConditions.InvalidPermissionClaim);
        Assert.Contains("deployments.apps", request.Status.TerminalMessage, StringComparison.Ordinal);
        Assert.Null(await _kube.ApiServiceExports().GetOrNullAsync("greedy", ns));
    }

    [Fact]
    public async Task Pipeline_ChangesNothing_WhenAMessageIsDeliveredAgain()
    {
        var ns = await fixture.Cluster.CreateNamespaceAsync("contract");
        await CreateRequestAsync(ns, "cowboys", Cowboys());
        await WaitForPhaseAsync(ns, "cowboys", RequestPhase.Succeeded);
        await _bridge!.WaitUntilIdleLeaderAsync();
        await _bridge.StopAsync(); // from here on, only the two copies below reach the function
        var key = $"{ns}/cowboys";
        var handled = fixture.Invocations(key);
        var before = await VersionsAsync(ns, "cowboys");

        var message = new ReconcileMessage { Kind = ApiServiceExportRequest.KindName, Namespace = ns, Name = "cowboys" }.ToJson();
        var queue = fixture.Queues.GetQueueClient(QueueNames.ExportRequests);
        await Task.WhenAll(queue.SendMessageAsync(message), queue.SendMessageAsync(message));
        await WaitFor.ConditionAsync(() => Task.FromResult(fixture.Invocations(key) >= handled + 2), "both copies to be handled", Deadline);

        Assert.Equal(before, await VersionsAsync(ns, "cowboys"));
        Assert.Equal(0, fixture.Failures(key));
    }

    [Fact]
    public async Task Pipeline_EndsInOneExport_WhenTwoActiveBridgesRace()
    {
        // A second lease makes both bridges active, so every event reaches the function twice, concurrently.
        await using var rival = await Bridge.StartAsync(fixture, TestCluster.UniqueName("rival"));
        await Task.WhenAll(_bridge!.WaitUntilIdleLeaderAsync(), rival.WaitUntilIdleLeaderAsync());
        var ns = await fixture.Cluster.CreateNamespaceAsync("contract");
        var key = $"{ns}/cowboys";

        await CreateRequestAsync(ns, "cowboys", Cowboys());

        await WaitForPhaseAsync(ns, "cowboys", RequestPhase.Succeeded);
        await Task.WhenAll(_bridge.WaitUntilIdleLeaderAsync(), rival.WaitUntilIdleLeaderAsync());
        await WaitFor.ConditionAsync(() => Task.FromResult(fixture.Invocations(key) >= 2), "both bridges' messages to be handled", Deadline);
        Assert.Single((await _kube.ApiServiceExports().ListAsync(ns)).Items);
        Assert.Single((await _kube.BoundSchemas().ListAsync(ns)).Items);
        Assert.Equal(RequestPhase.Succeeded, (await _kube.ApiServiceExportRequests().GetAsync("cowboys", ns)).Status.Phase);
    }

    [Fact]
    public async Task Pipeline_LosesNoRequest_WhenTheBridgeIsDownAndRestarts()
    {
        await _bridge!.WaitUntilIdleLeaderAsync();
        await _bridge.StopAsync();
        var ns = await fixture.Cluster.CreateNamespaceAsync("contract");

        await CreateRequestAsync(ns, "while-down", Cowboys());
        await using var restarted = await Bridge.StartAsync(fixture, _lease);

        await WaitForPhaseAsync(ns, "while-down", RequestPhase.Succeeded);
    }

    [Fact]
    public async Task Functions_RetryAFailingMessage_AndMoveItToThePoisonQueue()
    {
        var queue = fixture.Queues.GetQueueClient(ThrowingHandler.QueueName);
        var poison = fixture.Queues.GetQueueClient(QueueNames.Poison(ThrowingHandler.QueueName));
        await poison.CreateIfNotExistsAsync();
        await poison.ClearMessagesAsync();
        var before = ThrowingHandler.Invocations;
        var text = new ReconcileMessage { Kind = "Anything", Name = TestCluster.UniqueName("doomed") }.ToJson();

        await queue.SendMessageAsync(text);

        var poisoned = await WaitFor.ValueAsync(
            async () => (await poison.PeekMessagesAsync(1)) is [var message] ? message : null, "the failing message to reach the poison queue", Deadline);
        Assert.Equal(text, poisoned.Text);
        Assert.Equal(3, ThrowingHandler.Invocations - before); // maxDequeueCount in TestData/host.json
        Assert.Equal(0, (await queue.GetPropertiesAsync()).ApproximateMessageCount);
    }

    private static IReadOnlyList<ApiServiceExportRequestResource> Cowboys() =>
        [new ApiServiceExportRequestResource { Group = "wildwest.dev", Resource = "cowboys", Versions = ["v1alpha1"] }];

    private Task<ApiServiceExportRequest> CreateRequestAsync(
        string ns, string name, IReadOnlyList<ApiServiceExportRequestResource> resources, IReadOnlyList<PermissionClaim>? claims = null) =>
        _kube.ApiServiceExportRequests().CreateAsync(new ApiServiceExportRequest
        {
            Metadata = new ObjectMeta { Name = name, Namespace = ns },
            Spec = new ApiServiceExportRequestSpec { Resources = resources, PermissionClaims = claims ?? [] },
        });

    private Task<ApiServiceExportRequest> WaitForPhaseAsync(string ns, string name, string phase) =>
        WaitForRequestAsync(ns, name, r => r.Status.Phase == phase, $"phase {phase}");

    private Task<ApiServiceExportRequest> WaitForRequestAsync(string ns, string name, Func<ApiServiceExportRequest, bool> predicate, string what) =>
        WaitFor.ValueAsync(
            async () => await _kube.ApiServiceExportRequests().GetAsync(name, ns) is var request && predicate(request) ? request : null,
            $"request {ns}/{name} to reach {what}",
            Deadline);

    private async Task<(string?, string?, string?)> VersionsAsync(string ns, string name) => (
        (await _kube.ApiServiceExportRequests().GetAsync(name, ns)).Metadata.ResourceVersion,
        (await _kube.ApiServiceExports().GetAsync(name, ns)).Metadata.ResourceVersion,
        (await _kube.BoundSchemas().GetAsync("cowboys.wildwest.dev", ns)).Metadata.ResourceVersion);

    private static bool HasCondition(ApiServiceExportRequest request, string type, string status) =>
        request.Status.Conditions.Any(c => c.Type == type && c.Status == status);

    private static void AssertCondition(ApiServiceExportRequest request, string type, string status, string? reason = null)
    {
        var condition = Assert.Single(request.Status.Conditions, c => c.Type == type);
        Assert.Equal(status, condition.Status);
        if (reason is not null)
        {
            Assert.Equal(reason, condition.Reason);
        }
    }

}
