using System.Net;
using KubeBind.Api;
using KubeBind.Api.Conditions;
using KubeBind.Api.Schemas;
using KubeBind.Api.V1Alpha2;
using KubeBind.Functions.ExportRequests;
using KubeBind.Kubernetes;
using KubeBind.Kubernetes.Models;
using KubeBind.Testing;

namespace KubeBind.Functions.Tests.ExportRequests;

[Collection(ExportRequestCollection.Name)]
public sealed class ExportRequestReconcilerTests(ExportRequestFixture fixture) : IDisposable
{
    private readonly CancellationTokenSource _deadline = new(WaitFor.DefaultTimeout);

    private static ApiServiceExportRequestResource Cowboys => new() { Group = "wildwest.dev", Resource = "cowboys", Versions = ["v1alpha1"] };

    private static ApiServiceExportRequestResource Sheriffs => new() { Group = "wildwest.dev", Resource = "sheriffs", Versions = ["v1alpha1"] };

    private static ApiServiceExportRequestResource Gadgets => new() { Group = "versions.test", Resource = "gadgets" };

    private CancellationToken Deadline => _deadline.Token;

    public void Dispose() => _deadline.Dispose();

    [Fact]
    public async Task ReconcileAsync_CreatesBoundSchemaAndExport_WhenRequestIsValid()
    {
        var request = await fixture.CreateRequestAsync(new() { Resources = [Cowboys], PermissionClaims = [Claim("secrets")] });
        var ns = request.Metadata.Namespace!;

        var outcome = await fixture.Reconciler().ReconcileAsync(ns, "export", Deadline);

        Assert.Equal(ExportRequestState.Succeeded, outcome.State);
        var export = await fixture.Exports.GetAsync("export", ns);
        var boundSchema = await fixture.BoundSchemas.GetAsync("cowboys.wildwest.dev", ns);
        var expectedSpec = CrdConversion.ToBoundSchemaSpec(await fixture.Crds.GetAsync("cowboys.wildwest.dev"), SchemaShape.Wrapped, InformerScope.Namespaced);
        Assert.Equal(ApiJson.Serialize(expectedSpec), ApiJson.Serialize(boundSchema.Spec));
        Assert.True(boundSchema.Spec.Versions[0].Schema!.Value.TryGetProperty("openAPIV3Schema", out _));
        Assert.Equal(SpecHash.Of(expectedSpec), boundSchema.Metadata.Annotations![Annotations.SourceSpecHash]);
        var owner = Assert.Single(boundSchema.Metadata.OwnerReferences!);
        Assert.Equal((Group.ApiVersion, ApiServiceExport.KindName, "export", export.Metadata.Uid, true, true), (owner.ApiVersion, owner.Kind, owner.Name, owner.Uid, owner.Controller, owner.BlockOwnerDeletion));

        var resource = Assert.Single(export.Spec.Resources);
        Assert.Equal(("wildwest.dev", "cowboys", "v1alpha1"), (resource.Group, resource.Resource, Assert.Single(resource.Versions)));
        Assert.Equal("secrets", Assert.Single(export.Spec.PermissionClaims).Resource);
        Assert.Equal((InformerScope.Namespaced, Isolation.Prefixed), (export.Spec.InformerScope, export.Spec.Isolation));
        Assert.Equal(SpecHash.Of([boundSchema.Spec]), export.Metadata.Annotations![Annotations.SourceSpecHash]);
        Assert.Null(export.Metadata.OwnerReferences);

        var status = (await fixture.Requests.GetAsync("export", ns)).Status;
        Assert.Equal(RequestPhase.Succeeded, status.Phase);
        Assert.True(status.Conditions.IsTrue(ExportRequestConditions.ExportsReady));
        Assert.True(status.Conditions.IsTrue(ConditionType.Ready));
        Assert.False(status.Conditions.Has(ExportRequestConditions.PermissionClaim));
    }

    public static TheoryData<string, string, string, string, string> InvalidRequests { get; } = new()
    {
        { "unknown resource", ExportRequestConditions.ExportsReady, ExportRequestConditions.SchemaNotFound, "Schema unicorns.wildwest.dev not found", RequestPhase.Pending },
        { "unknown core resource", ExportRequestConditions.ExportsReady, ExportRequestConditions.SchemaNotFound, "Schema pods.core not found", RequestPhase.Pending },
        { "different scopes", ExportRequestConditions.ExportsReady, ExportRequestConditions.DifferentScopes, "Different scopes found: Cluster", RequestPhase.Pending },
        { "claim on a core resource", ExportRequestConditions.PermissionClaim, ExportRequestConditions.InvalidPermissionClaim, "Resource pods. is not a valid claimable API", RequestPhase.Failed },
        { "claim on a grouped resource", ExportRequestConditions.PermissionClaim, ExportRequestConditions.InvalidPermissionClaim, "Resource deployments.apps is not a valid claimable API", RequestPhase.Failed },
        { "duplicate claim", ExportRequestConditions.PermissionClaim, ExportRequestConditions.DuplicatePermissionClaim, "Duplicate permission claim found for group/resource secrets.", RequestPhase.Failed },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task ReconcileAsync_PersistsFalseCondition_WhenRequestIsInvalid(string invalidCase, string type, string reason, string message, string phase)
    {
        var spec = invalidCase switch
        {
            "unknown resource" => new ApiServiceExportRequestSpec { Resources = [Cowboys with { Resource = "unicorns" }] },
            "unknown core resource" => new ApiServiceExportRequestSpec { Resources = [new() { Resource = "pods", Versions = ["v1"] }] },
            "different scopes" => new ApiServiceExportRequestSpec { Resources = [Cowboys, Sheriffs] },
            "claim on a core resource" => new ApiServiceExportRequestSpec { Resources = [Cowboys], PermissionClaims = [Claim("secrets"), Claim("pods")] },
            "claim on a grouped resource" => new ApiServiceExportRequestSpec { Resources = [Cowboys], PermissionClaims = [Claim("deployments", "apps")] },
            "duplicate claim" => new ApiServiceExportRequestSpec { Resources = [Cowboys], PermissionClaims = [Claim("secrets"), Claim("configmaps"), Claim("secrets")] },
            _ => throw new ArgumentOutOfRangeException(nameof(invalidCase), invalidCase, null),
        };
        var request = await fixture.CreateRequestAsync(spec);
        var ns = request.Metadata.Namespace!;

        var outcome = await fixture.Reconciler().ReconcileAsync(ns, "export", Deadline);

        var status = (await fixture.Requests.GetAsync("export", ns)).Status;
        var condition = status.Conditions.Get(type);
        Assert.NotNull(condition);
        Assert.Equal((ConditionStatus.False, reason, ConditionSeverity.Error, message), (condition.Status, condition.Reason, condition.Severity, condition.Message));
        var ready = status.Conditions.Get(ConditionType.Ready);
        Assert.Equal((ConditionStatus.False, reason, message), (ready?.Status, ready?.Reason, ready?.Message));
        Assert.Equal(phase, status.Phase);
        Assert.Equal(phase == RequestPhase.Failed ? message : null, status.TerminalMessage);
        Assert.Equal(phase == RequestPhase.Failed ? ExportRequestState.Failed : ExportRequestState.Waiting, outcome.State);
        Assert.Null(await fixture.Exports.GetOrNullAsync("export", ns));
    }

    [Fact]
    public async Task ReconcileAsync_MarksSchemaNotFound_WhenNothingIsExported()
    {
        var request = await fixture.CreateRequestAsync(new() { Resources = [Cowboys] });
        var ns = request.Metadata.Namespace!;

        var outcome = await fixture.Reconciler(schemaSource: new StaticSchemaSource()).ReconcileAsync(ns, "export", Deadline);

        var condition = (await fixture.Requests.GetAsync("export", ns)).Status.Conditions.Get(ExportRequestConditions.ExportsReady);
        Assert.Equal((ExportRequestConditions.SchemaNotFound, "Schema not found"), (condition?.Reason, condition?.Message));
        Assert.Equal(ExportRequestState.Waiting, outcome.State);
        Assert.Null(await fixture.BoundSchemas.GetOrNullAsync("cowboys.wildwest.dev", ns));
    }

    [Fact]
    public async Task ReconcileAsync_SucceedsOnRetry_WhenMissingSchemaAppears()
    {
        var request = await fixture.CreateRequestAsync(new() { Resources = [Cowboys] });
        var ns = request.Metadata.Namespace!;
        var waiting = await fixture.Reconciler(schemaSource: new StaticSchemaSource()).ReconcileAsync(ns, "export", Deadline);

        var outcome = await fixture.Reconciler().ReconcileAsync(ns, "export", Deadline);

        Assert.InRange(waiting.RequeueAfter!.Value, ExportRequestReconciler.Retention - TimeSpan.FromMinutes(1), ExportRequestReconciler.Retention);
        Assert.Equal(ExportRequestState.Succeeded, outcome.State);
        var status = (await fixture.Requests.GetAsync("export", ns)).Status;
        Assert.True(status.Conditions.IsTrue(ExportRequestConditions.ExportsReady));
        Assert.True(status.Conditions.IsTrue(ConditionType.Ready));
    }

    [Fact]
    public async Task ReconcileAsync_ExportsEveryServedVersion_WhenResourceListsNoVersions()
    {
        var request = await fixture.CreateRequestAsync(new() { Resources = [Gadgets] });
        var ns = request.Metadata.Namespace!;

        var outcome = await fixture.Reconciler().ReconcileAsync(ns, "export", Deadline);

        Assert.Equal(ExportRequestState.Succeeded, outcome.State);
        var export = await fixture.Exports.GetAsync("export", ns);
        Assert.Equal(["v1", "v1beta1"], Assert.Single(export.Spec.Resources).Versions);

        // The BoundSchema is the whole source schema, unserved versions included, as upstream copies it.
        var boundSchema = await fixture.BoundSchemas.GetAsync("gadgets.versions.test", ns);
        Assert.Equal(["v1", "v1beta1", "v1alpha1"], boundSchema.Spec.Versions.Select(v => v.Name));
    }

    [Fact]
    public async Task ReconcileAsync_Succeeds_WhenExportAlreadyExists()
    {
        var ns = await fixture.Cluster.CreateNamespaceAsync("contract");
        var existing = await fixture.Exports.CreateAsync(new ApiServiceExport
        {
            Metadata = new ObjectMeta { Name = "export", Namespace = ns },
            Spec = new() { Resources = [Cowboys], InformerScope = InformerScope.Namespaced, Isolation = Isolation.Prefixed },
        });
        await fixture.CreateRequestAsync(new() { Resources = [Cowboys] }, ns);

        var outcome = await fixture.Reconciler().ReconcileAsync(ns, "export", Deadline);

        Assert.Equal(ExportRequestState.Succeeded, outcome.State);
        var status = (await fixture.Requests.GetAsync("export", ns)).Status;
        Assert.Equal(RequestPhase.Succeeded, status.Phase);
        Assert.True(status.Conditions.IsTrue(ExportRequestConditions.ExportsReady));
        Assert.Equal(existing.Metadata.ResourceVersion, (await fixture.Exports.GetAsync("export", ns)).Metadata.ResourceVersion);
        var owner = Assert.Single((await fixture.BoundSchemas.GetAsync("cowboys.wildwest.dev", ns)).Metadata.OwnerReferences!);
        Assert.Equal(existing.Metadata.Uid, owner.Uid);
    }

    [Fact]
    public async Task ReconcileAsync_WritesNothing_WhenRunAgain()
    {
        var request = await fixture.CreateRequestAsync(new() { Resources = [Cowboys], Namespaces = [new() { Name = "team-a" }] });
        var ns = request.Metadata.Namespace!;
        await fixture.Reconciler().ReconcileAsync(ns, "export", Deadline);
        var before = await VersionsAsync(ns, "team-a");

        var outcome = await fixture.Reconciler().ReconcileAsync(ns, "export", Deadline);

        Assert.Equal(ExportRequestState.Succeeded, outcome.State);
        Assert.Equal(before, await VersionsAsync(ns, "team-a"));
    }

    [Fact]
    public async Task ReconcileAsync_ConvergesWithoutErrors_WhenDuplicatesRunConcurrently()
    {
        for (var round = 0; round < 3; round++)
        {
            var request = await fixture.CreateRequestAsync(new() { Resources = [Cowboys], Namespaces = [new() { Name = "team-a" }, new() { Name = "team-b" }] });
            var ns = request.Metadata.Namespace!;

            var outcomes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => fixture.Reconciler().ReconcileAsync(ns, "export", Deadline))));

            Assert.All(outcomes, o => Assert.Equal(ExportRequestState.Succeeded, o.State));
            var export = Assert.Single((await fixture.Exports.ListAsync(ns)).Items);
            var boundSchema = Assert.Single((await fixture.BoundSchemas.ListAsync(ns)).Items);
            Assert.Equal(export.Metadata.Uid, Assert.Single(boundSchema.Metadata.OwnerReferences!).Uid);
            Assert.Equal(["team-a", "team-b"], (await fixture.ApiServiceNamespaces.ListAsync(ns)).Items.Select(n => n.Metadata.Name).Order());
            var status = (await fixture.Requests.GetAsync("export", ns)).Status;
            Assert.Equal(RequestPhase.Succeeded, status.Phase);
            Assert.Equal([ConditionType.Ready, ExportRequestConditions.ExportsReady], status.Conditions.Select(c => c.Type));
        }
    }

    [Fact]
    public async Task ReconcileAsync_CreatesProviderOwnedApiServiceNamespaces_WhenRequestNamesNamespaces()
    {
        var request = await fixture.CreateRequestAsync(new() { Resources = [Cowboys], Namespaces = [new() { Name = "team-a" }, new() { Name = "team-b" }] });
        var ns = request.Metadata.Namespace!;

        await fixture.Reconciler().ReconcileAsync(ns, "export", Deadline);

        var export = await fixture.Exports.GetAsync("export", ns);
        foreach (var name in new[] { "team-a", "team-b" })
        {
            var apiServiceNamespace = await fixture.ApiServiceNamespaces.GetAsync(name, ns);
            Assert.Equal(Labels.OwnerProvider, apiServiceNamespace.Metadata.Labels![Labels.Owner]);
            var owner = Assert.Single(apiServiceNamespace.Metadata.OwnerReferences!);
            Assert.Equal((ApiServiceExport.KindName, "export", export.Metadata.Uid, true, true), (owner.Kind, owner.Name, owner.Uid, owner.Controller, owner.BlockOwnerDeletion));
        }
    }

    [Fact]
    public async Task ReconcileAsync_SharesBoundSchema_WhenTwoRequestsBindTheSameResource()
    {
        var first = await fixture.CreateRequestAsync(new() { Resources = [Cowboys] }, name: "first");
        var ns = first.Metadata.Namespace!;
        await fixture.CreateRequestAsync(new() { Resources = [Cowboys] }, ns, "second");

        var outcomes = new[]
        {
            await fixture.Reconciler().ReconcileAsync(ns, "first", Deadline),
            await fixture.Reconciler().ReconcileAsync(ns, "second", Deadline),
            await fixture.Reconciler().ReconcileAsync(ns, "first", Deadline),
        };

        Assert.All(outcomes, o => Assert.Equal(ExportRequestState.Succeeded, o.State));
        var firstExport = await fixture.Exports.GetAsync("first", ns);
        var secondExport = await fixture.Exports.GetAsync("second", ns);
        var owners = (await fixture.BoundSchemas.GetAsync("cowboys.wildwest.dev", ns)).Metadata.OwnerReferences!;
        Assert.Equal([(firstExport.Metadata.Uid!, (bool?)true), (secondExport.Metadata.Uid!, null)], owners.Select(o => (o.Uid, o.Controller)));
        Assert.Equal(RequestPhase.Succeeded, (await fixture.Requests.GetAsync("second", ns)).Status.Phase);
    }

    [Fact]
    public async Task ReconcileAsync_ReturnsGone_WhenRequestDoesNotExist()
    {
        var ns = await fixture.Cluster.CreateNamespaceAsync("contract");

        var outcome = await fixture.Reconciler().ReconcileAsync(ns, "export", Deadline);

        Assert.Equal(ExportRequestOutcome.Gone, outcome);
        Assert.Empty((await fixture.BoundSchemas.ListAsync(ns)).Items);
    }

    public static TheoryData<string, string, string, string, string> Scopes { get; } = new()
    {
        // consumer scope, isolation, resource → BoundSchema informerScope and scope
        { InformerScope.Namespaced, Isolation.Prefixed, "cowboys", InformerScope.Namespaced, InformerScope.Namespaced },
        { InformerScope.Cluster, Isolation.None, "cowboys", InformerScope.Cluster, InformerScope.Namespaced },
        { InformerScope.Namespaced, Isolation.Namespaced, "cowboys", InformerScope.Namespaced, InformerScope.Cluster },
        { InformerScope.Namespaced, Isolation.Namespaced, "sheriffs", InformerScope.Namespaced, InformerScope.Cluster },
        { InformerScope.Cluster, Isolation.Prefixed, "sheriffs", InformerScope.Cluster, InformerScope.Cluster },
    };

    [Theory]
    [MemberData(nameof(Scopes))]
    public async Task ReconcileAsync_ScopesBoundSchemaAndExport_WhenOptionsSayHow(string consumerScope, string isolation, string resource, string informerScope, string scope)
    {
        var request = await fixture.CreateRequestAsync(new() { Resources = [Cowboys with { Resource = resource }] });
        var ns = request.Metadata.Namespace!;

        await fixture.Reconciler(new() { ConsumerScope = consumerScope, Isolation = isolation }).ReconcileAsync(ns, "export", Deadline);

        var boundSchema = await fixture.BoundSchemas.GetAsync($"{resource}.wildwest.dev", ns);
        Assert.Equal((informerScope, scope), (boundSchema.Spec.InformerScope, boundSchema.Spec.Scope));
        var export = await fixture.Exports.GetAsync("export", ns);
        Assert.Equal((consumerScope, isolation), (export.Spec.InformerScope, export.Spec.Isolation));
    }

    [Theory]
    [InlineData(SchemaUpdatePolicy.Always, true)]
    [InlineData(SchemaUpdatePolicy.Never, false)]
    public async Task ReconcileAsync_ReplacesStaleBoundSchemaOnlyForAlways_WhenSourceChanged(string policy, bool replaced)
    {
        var ns = await fixture.Cluster.CreateNamespaceAsync("contract");
        var source = CrdConversion.ToBoundSchemaSpec(await fixture.Crds.GetAsync("cowboys.wildwest.dev"), SchemaShape.Wrapped, InformerScope.Namespaced);
        var stale = source with { Names = source.Names with { ShortNames = ["cb"] } };
        await fixture.BoundSchemas.CreateAsync(new BoundSchema
        {
            Metadata = new ObjectMeta { Name = "cowboys.wildwest.dev", Namespace = ns, Annotations = new Dictionary<string, string> { [Annotations.SourceSpecHash] = SpecHash.Of(stale) } },
            Spec = stale,
        });
        await fixture.CreateRequestAsync(new() { Resources = [Cowboys], SchemaUpdatePolicy = policy }, ns);
        var outcome = await fixture.Reconciler().ReconcileAsync(ns, "export", Deadline);

        var boundSchema = await fixture.BoundSchemas.GetAsync("cowboys.wildwest.dev", ns);
        Assert.Equal(replaced ? SpecHash.Of(source) : SpecHash.Of(stale), boundSchema.Metadata.Annotations![Annotations.SourceSpecHash]);
        Assert.Equal(replaced ? [] : ["cb"], boundSchema.Spec.Names.ShortNames ?? []); // absent lists read as null: dotnet/runtime#84484
        Assert.NotNull(boundSchema.Metadata.OwnerReferences);
        Assert.Equal(ExportRequestState.Succeeded, outcome.State);
        if (replaced)
        {
            Assert.Null(outcome.RequeueAfter); // the bridge's CRD routing and resync drive Always requests
        }
        else
        {
            Assert.InRange(outcome.RequeueAfter!.Value, ExportRequestReconciler.Retention - TimeSpan.FromMinutes(1), ExportRequestReconciler.Retention);
        }
    }

    [Theory]
    [InlineData(SchemaUpdatePolicy.Never, true)]
    [InlineData(SchemaUpdatePolicy.Always, false)]
    public async Task ReconcileAsync_DeletesRequestUnlessPolicyIsAlways_WhenOlderThanRetention(string policy, bool deleted)
    {
        var request = await fixture.CreateRequestAsync(new() { Resources = [Cowboys], SchemaUpdatePolicy = policy });
        var ns = request.Metadata.Namespace!;
        var later = new ShiftedTimeProvider(ExportRequestReconciler.Retention + TimeSpan.FromMinutes(1));

        var outcome = await fixture.Reconciler(time: later).ReconcileAsync(ns, "export", Deadline);

        Assert.Equal(deleted ? ExportRequestState.Pruned : ExportRequestState.Succeeded, outcome.State);
        Assert.Equal(deleted, await fixture.Requests.GetOrNullAsync("export", ns) is null);
        Assert.NotNull(await fixture.Exports.GetOrNullAsync("export", ns));
    }

    [Fact]
    public async Task ReconcileAsync_LeavesFailedRequestAlone_WhenReconciledAgain()
    {
        var request = await fixture.CreateRequestAsync(new() { Resources = [Cowboys], PermissionClaims = [Claim("pods")] });
        var ns = request.Metadata.Namespace!;
        await fixture.Reconciler().ReconcileAsync(ns, "export", Deadline);
        var failed = await fixture.Requests.GetAsync("export", ns);
        var store = new FaultInjectingStore(new KubernetesExportRequestStore(fixture.Kube));

        var outcome = await fixture.Reconciler(store: store).ReconcileAsync(ns, "export", Deadline);

        Assert.Equal(ExportRequestState.Failed, outcome.State);
        Assert.Equal(failed.Metadata.ResourceVersion, (await fixture.Requests.GetAsync("export", ns)).Metadata.ResourceVersion);
        Assert.Equal(0, store.Calls(nameof(IExportRequestStore.GetExportAsync)));
    }

    [Fact]
    public async Task ReconcileAsync_StartsOver_WhenStatusWriteConflictsOnce()
    {
        var request = await fixture.CreateRequestAsync(new() { Resources = [Cowboys] });
        var ns = request.Metadata.Namespace!;
        var store = new FaultInjectingStore(new KubernetesExportRequestStore(fixture.Kube));
        var conflicts = 0;
        store.Fault = op => op == nameof(IExportRequestStore.UpdateRequestStatusAsync) && conflicts++ == 0 ? FaultInjectingStore.ApiError(HttpStatusCode.Conflict, "Conflict") : null;

        var outcome = await fixture.Reconciler(store: store).ReconcileAsync(ns, "export", Deadline);

        Assert.Equal(ExportRequestState.Succeeded, outcome.State);
        Assert.Equal(2, store.Calls(nameof(IExportRequestStore.GetRequestAsync)));
        Assert.Equal(RequestPhase.Succeeded, (await fixture.Requests.GetAsync("export", ns)).Status.Phase);
    }

    [Fact]
    public async Task ReconcileAsync_Throws_WhenConflictsPersist()
    {
        var request = await fixture.CreateRequestAsync(new() { Resources = [Cowboys] });
        var ns = request.Metadata.Namespace!;
        var store = new FaultInjectingStore(new KubernetesExportRequestStore(fixture.Kube))
        {
            Fault = op => op == nameof(IExportRequestStore.UpdateRequestStatusAsync) ? FaultInjectingStore.ApiError(HttpStatusCode.Conflict, "Conflict") : null,
        };

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => fixture.Reconciler(store: store).ReconcileAsync(ns, "export", Deadline));

        Assert.True(error.IsConflict);
        Assert.Equal(ExportRequestReconciler.MaxAttempts, store.Calls(nameof(IExportRequestStore.UpdateRequestStatusAsync)));
    }

    [Fact]
    public async Task ReconcileAsync_PropagatesApiErrorAfterWritingStatus_WhenALaterStepFails()
    {
        var request = await fixture.CreateRequestAsync(new() { Resources = [Cowboys], Namespaces = [new() { Name = "team-a" }] });
        var ns = request.Metadata.Namespace!;
        var store = new FaultInjectingStore(new KubernetesExportRequestStore(fixture.Kube))
        {
            Fault = op => op == nameof(IExportRequestStore.CreateApiServiceNamespaceAsync) ? FaultInjectingStore.ApiError(HttpStatusCode.InternalServerError, "InternalError") : null,
        };

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => fixture.Reconciler(store: store).ReconcileAsync(ns, "export", Deadline));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(1, store.Calls(nameof(IExportRequestStore.CreateApiServiceNamespaceAsync)));
        var status = (await fixture.Requests.GetAsync("export", ns)).Status;
        Assert.Equal(RequestPhase.Succeeded, status.Phase);
        Assert.True(status.Conditions.IsTrue(ExportRequestConditions.ExportsReady));
        Assert.Null(await fixture.ApiServiceNamespaces.GetOrNullAsync("team-a", ns));
    }

    private static PermissionClaim Claim(string resource, string? group = null) => new() { Group = group, Resource = resource };

    private async Task<string> VersionsAsync(string ns, string apiServiceNamespace) => string.Join(
        ",",
        (await fixture.Requests.GetAsync("export", ns)).Metadata.ResourceVersion,
        (await fixture.Exports.GetAsync("export", ns)).Metadata.ResourceVersion,
        (await fixture.BoundSchemas.GetAsync("cowboys.wildwest.dev", ns)).Metadata.ResourceVersion,
        (await fixture.ApiServiceNamespaces.GetAsync(apiServiceNamespace, ns)).Metadata.ResourceVersion);
}
