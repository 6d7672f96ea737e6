using KubeBind.Api;
using KubeBind.Api.Conditions;
using KubeBind.Api.Naming;
using KubeBind.Api.Schemas;
using KubeBind.Api.V1Alpha2;
using KubeBind.Kubernetes;
using KubeBind.Kubernetes.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KubeBind.Functions.ExportRequests;

/// <summary>
/// Turns an APIServiceExportRequest into its BoundSchemas, APIServiceExport and APIServiceNamespaces (backend.md §6.3),
/// reading everything fresh on each call so that any instance may handle any message, any number of times.
/// </summary>
internal sealed class ExportRequestReconciler(
    IExportRequestStore store,
    ISchemaSource schemaSource,
    IOptions<ExportRequestOptions> options,
    TimeProvider time,
    ILogger<ExportRequestReconciler> logger)
{
    /// <summary>How old a request gets before a pass deletes it, as upstream's backend does (unless its policy is Always).</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromMinutes(10);

    /// <summary>How many times one call starts over after a write conflict before the error goes to the host.</summary>
    public const int MaxAttempts = 5;

    private static readonly TimeSpan MinimumRetry = TimeSpan.FromSeconds(1);

    private readonly ExportRequestOptions _options = options.Value;

    /// <summary>Reconciles the request <paramref name="ns"/>/<paramref name="name"/>; says when to look at it again.</summary>
    /// <exception cref="KubernetesApiException">The API server failed, or conflicts persisted for <see cref="MaxAttempts"/> attempts.</exception>
    public async Task<ExportRequestOutcome> ReconcileAsync(string ns, string name, CancellationToken cancellationToken)
    {
        using var scope = ExportRequestLog.BeginReconcile(logger, ns, name);
        for (var attempt = 1; ; attempt++)
        {
            var request = await store.GetRequestAsync(ns, name, cancellationToken).ConfigureAwait(false);
            if (request is null)
            {
                ExportRequestLog.RequestGone(logger, ns, name);
                return ExportRequestOutcome.Gone;
            }

            try
            {
                return await ReconcileOnceAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (KubernetesApiException e) when (e.IsConflict && attempt < MaxAttempts)
            {
                // Someone (often a duplicate delivery of this message) wrote first: start over from fresh state.
                ExportRequestLog.ConflictRetry(logger, e, attempt, ns, name);
            }
        }
    }

    private async Task<ExportRequestOutcome> ReconcileOnceAsync(ApiServiceExportRequest request, CancellationToken cancellationToken)
    {
        var pass = new Pass(request);
        ExportRequestState state;
        try
        {
            state = await RunStepsAsync(pass, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not KubernetesApiException { IsConflict: true })
        {
            // Upstream drops the conditions of a failing pass unless the phase changed; we keep them (quirk 4).
            await TryWriteStatusAsync(pass, cancellationToken).ConfigureAwait(false);
            throw;
        }

        await WriteStatusAsync(pass, cancellationToken).ConfigureAwait(false);

        var always = request.Spec.SchemaUpdatePolicy == SchemaUpdatePolicy.Always;
        var age = Age(request);
        if (!always && age >= Retention)
        {
            await store.DeleteRequestAsync(request, cancellationToken).ConfigureAwait(false);
            ExportRequestLog.RequestPruned(logger, pass.Namespace, pass.Name, age);
            return new ExportRequestOutcome(ExportRequestState.Pruned);
        }

        // No polling: the watch bridge routes exported-CRD and BoundSchema changes to the requests naming them and
        // resyncs every request periodically, which is what upstream's --schema-sync-interval requeue was for. A
        // self-requeue per delivery would start a new chain on every resync and duplicate, and never end for Always.
        // The one callback is the deletion mark, which ends every chain it starts.
        TimeSpan? next = always ? null : Clamp(Retention - age, MinimumRetry, Retention);
        return new ExportRequestOutcome(state, next);
    }

    private async Task<ExportRequestState> RunStepsAsync(Pass pass, CancellationToken cancellationToken)
    {
        // Failed is terminal: the spec is immutable, so the claims that failed it would fail again.
        if (pass.Phase == RequestPhase.Failed)
        {
            return ExportRequestState.Failed;
        }

        var export = await store.GetExportAsync(pass.Namespace, pass.Name, cancellationToken).ConfigureAwait(false);
        if (export is null && pass.Phase == RequestPhase.Succeeded)
        {
            // As upstream: exports are only created while Pending, so a deleted export stays deleted.
            ExportRequestLog.ExportGone(logger, pass.Namespace, pass.Name);
            return ExportRequestState.Succeeded;
        }

        var exported = await schemaSource.ListExportedAsync(cancellationToken).ConfigureAwait(false);
        if (Validate(pass, exported) is not { } sources)
        {
            return pass.Phase == RequestPhase.Failed ? ExportRequestState.Failed : ExportRequestState.Waiting;
        }

        var boundSchemas = await EnsureBoundSchemasAsync(pass, sources, export, cancellationToken).ConfigureAwait(false);
        if (export is null)
        {
            export = await CreateExportAsync(pass, sources, boundSchemas, cancellationToken).ConfigureAwait(false);

            // Adopt the BoundSchemas created before the export existed, now rather than on some later event.
            await EnsureBoundSchemasAsync(pass, sources, export, cancellationToken).ConfigureAwait(false);
        }

        pass.Status = pass.Status with { Conditions = pass.Status.Conditions.MarkTrue(ExportRequestConditions.ExportsReady, time) };
        if (pass.Phase == RequestPhase.Pending)
        {
            // Also when the export already existed (upstream leaves such requests Pending, quirk 3), and whatever the age.
            pass.Status = pass.Status with { Phase = RequestPhase.Succeeded };
            ExportRequestLog.RequestSucceeded(logger, pass.Namespace, pass.Name);
        }

        await EnsureApiServiceNamespacesAsync(pass, export, cancellationToken).ConfigureAwait(false);
        return ExportRequestState.Succeeded;
    }

    /// <summary>The source schema of each requested resource, in order; null when the request cannot be served (conditions say why).</summary>
    private List<BoundSchemaSpec>? Validate(Pass pass, IReadOnlyList<BoundSchemaSpec> exported)
    {
        if (exported.Count == 0)
        {
            Wait(pass, ExportRequestConditions.ExportsReady, ExportRequestConditions.SchemaNotFound, "Schema not found");
            return null;
        }

        var sources = new List<BoundSchemaSpec>();
        foreach (var resource in pass.Request.Spec.Resources)
        {
            var group = resource.Group ?? "";
            var source = exported.FirstOrDefault(s => s.Group == group && s.Names.Plural == resource.Resource);
            if (source is null)
            {
                Wait(pass, ExportRequestConditions.ExportsReady, ExportRequestConditions.SchemaNotFound, $"Schema {Names.BoundSchemaName(group, resource.Resource)} not found");
                return null;
            }

            // Compared as the provider defines them, before isolation rewrites any scope.
            if (sources.Count > 0 && source.Scope != sources[0].Scope)
            {
                Wait(pass, ExportRequestConditions.ExportsReady, ExportRequestConditions.DifferentScopes, $"Different scopes found: {source.Scope}");
                return null;
            }

            sources.Add(source);
        }

        if (pass.Request.Spec.PermissionClaims.FirstOrDefault(c => !ClaimableApis.Contains(c)) is { } invalid)
        {
            Fail(pass, ExportRequestConditions.InvalidPermissionClaim, $"Resource {GroupResourceString(invalid)} is not a valid claimable API");
            return null;
        }

        var seen = new HashSet<(string, string)>();
        if (pass.Request.Spec.PermissionClaims.FirstOrDefault(c => !seen.Add((c.Group ?? "", c.Resource))) is { } duplicate)
        {
            Fail(pass, ExportRequestConditions.DuplicatePermissionClaim, $"Duplicate permission claim found for group/resource {GroupResourceString(duplicate)}");
            return null;
        }

        return sources;
    }

    private async Task<List<BoundSchema>> EnsureBoundSchemasAsync(Pass pass, List<BoundSchemaSpec> sources, ApiServiceExport? export, CancellationToken cancellationToken)
    {
        var result = new List<BoundSchema>(sources.Count);
        foreach (var (resource, source) in pass.Request.Spec.Resources.Zip(sources))
        {
            var name = Names.BoundSchemaName(resource.Group ?? "", resource.Resource);
            var spec = DesiredSpec(source);
            var hash = SpecHash.Of(spec);
            var existing = await store.GetBoundSchemaAsync(pass.Namespace, name, cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                var desired = new BoundSchema
                {
                    Metadata = new ObjectMeta
                    {
                        Name = name,
                        Namespace = pass.Namespace,
                        Annotations = new Dictionary<string, string> { [Annotations.SourceSpecHash] = hash },
                        OwnerReferences = export is null ? null : [OwnerReferenceTo(export, controller: true)],
                    },
                    Spec = spec,
                };
                (existing, var created) = await CreateOrGetAsync(
                    () => store.CreateBoundSchemaAsync(desired, cancellationToken),
                    () => store.GetBoundSchemaAsync(pass.Namespace, name, cancellationToken)).ConfigureAwait(false);
                if (created)
                {
                    ExportRequestLog.BoundSchemaCreated(logger, pass.Namespace, name);
                    result.Add(existing);
                    continue;
                }
            }

            result.Add(await UpdateBoundSchemaAsync(existing, spec, hash, export, pass.Request.Spec.SchemaUpdatePolicy, cancellationToken).ConfigureAwait(false));
        }

        return result;
    }

    private async Task<BoundSchema> UpdateBoundSchemaAsync(BoundSchema existing, BoundSchemaSpec spec, string hash, ApiServiceExport? export, string? policy, CancellationToken cancellationToken)
    {
        var metadata = existing.Metadata;
        var owners = metadata.OwnerReferences ?? [];
        var ownerAdded = false;
        if (export is not null && !owners.Any(o => o.Uid == export.Metadata.Uid))
        {
            // The first export controls the BoundSchema; another request's export sharing it (quirk 12) becomes a
            // plain owner instead of failing, so garbage collection waits until no export uses it any more.
            owners = [.. owners, OwnerReferenceTo(export, controller: !owners.Any(o => o.Controller == true))];
            metadata = metadata with { OwnerReferences = owners };
            ownerAdded = true;
        }

        var specReplaced = false;
        if (policy == SchemaUpdatePolicy.Always && metadata.Annotations?.GetValueOrDefault(Annotations.SourceSpecHash) != hash)
        {
            var annotations = new Dictionary<string, string>(metadata.Annotations ?? new Dictionary<string, string>()) { [Annotations.SourceSpecHash] = hash };
            metadata = metadata with { Annotations = annotations };
            specReplaced = true;
        }

        if (!ownerAdded && !specReplaced)
        {
            return existing;
        }

        var updated = await store.UpdateBoundSchemaAsync(existing with { Metadata = metadata, Spec = specReplaced ? spec : existing.Spec }, cancellationToken).ConfigureAwait(false);
        ExportRequestLog.BoundSchemaUpdated(logger, metadata.Namespace ?? "", metadata.Name ?? "", ownerAdded, specReplaced);
        return updated;
    }

    private async Task<ApiServiceExport> CreateExportAsync(Pass pass, List<BoundSchemaSpec> sources, List<BoundSchema> boundSchemas, CancellationToken cancellationToken)
    {
        var export = new ApiServiceExport
        {
            Metadata = new ObjectMeta
            {
                Name = pass.Name,
                Namespace = pass.Namespace,
                Annotations = new Dictionary<string, string> { [Annotations.SourceSpecHash] = SpecHash.Of(boundSchemas.Select(b => b.Spec)) },
            },
            Spec = new ApiServiceExportSpec
            {
                InformerScope = _options.ConsumerScope,
                Isolation = _options.Isolation,
                Resources =
                [
                    .. pass.Request.Spec.Resources.Zip(sources, (resource, source) => new ApiServiceExportRequestResource
                    {
                        Group = resource.Group,
                        Resource = resource.Resource,

                        // Upstream skips resources without versions (quirk 2); we read "none" as every served version.
                        Versions = resource.Versions.Count > 0 ? resource.Versions : [.. source.Versions.Where(v => v.Served).Select(v => v.Name)],
                    }),
                ],
                PermissionClaims = pass.Request.Spec.PermissionClaims,
            },
        };

        var (result, created) = await CreateOrGetAsync(
            () => store.CreateExportAsync(export, cancellationToken),
            () => store.GetExportAsync(pass.Namespace, pass.Name, cancellationToken)).ConfigureAwait(false);
        if (created)
        {
            ExportRequestLog.ExportCreated(logger, pass.Namespace, pass.Name);
        }

        return result;
    }

    private async Task EnsureApiServiceNamespacesAsync(Pass pass, ApiServiceExport export, CancellationToken cancellationToken)
    {
        foreach (var consumerNamespace in pass.Request.Spec.Namespaces)
        {
            if (await store.GetApiServiceNamespaceAsync(pass.Namespace, consumerNamespace.Name, cancellationToken).ConfigureAwait(false) is not null)
            {
                continue;
            }

            var apiServiceNamespace = new ApiServiceNamespace
            {
                Metadata = new ObjectMeta
                {
                    Name = consumerNamespace.Name,
                    Namespace = pass.Namespace,
                    Labels = new Dictionary<string, string> { [Labels.Owner] = Labels.OwnerProvider },
                    OwnerReferences = [OwnerReferenceTo(export, controller: true)],
                },
            };
            var (_, created) = await CreateOrGetAsync(
                () => store.CreateApiServiceNamespaceAsync(apiServiceNamespace, cancellationToken),
                () => store.GetApiServiceNamespaceAsync(pass.Namespace, consumerNamespace.Name, cancellationToken)).ConfigureAwait(false);
            if (created)
            {
                ExportRequestLog.ApiServiceNamespaceCreated(logger, pass.Namespace, consumerNamespace.Name);
            }
        }
    }

    private async Task WriteStatusAsync(Pass pass, CancellationToken cancellationToken)
    {
        pass.Status = pass.Status with { Conditions = pass.Status.Conditions.SetSummary(time) };
        if (ApiJson.Serialize(pass.Status) == ApiJson.Serialize(pass.Request.Status))
        {
            return;
        }

        // The request's resourceVersion guards the write: a concurrent pass makes it a Conflict, and we start over.
        await store.UpdateRequestStatusAsync(pass.Request with { Status = pass.Status }, cancellationToken).ConfigureAwait(false);
    }

    private async Task TryWriteStatusAsync(Pass pass, CancellationToken cancellationToken)
    {
        try
        {
            await WriteStatusAsync(pass, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ExportRequestLog.StatusWriteFailed(logger, e, pass.Namespace, pass.Name);
        }
    }

    private void Wait(Pass pass, string type, string reason, string message)
    {
        pass.Status = pass.Status with { Conditions = pass.Status.Conditions.MarkFalse(type, reason, ConditionSeverity.Error, message, time) };
        ExportRequestLog.RequestWaiting(logger, pass.Namespace, pass.Name, reason, message);
    }

    private void Fail(Pass pass, string reason, string message)
    {
        pass.Status = pass.Status with
        {
            Conditions = pass.Status.Conditions.MarkFalse(ExportRequestConditions.PermissionClaim, reason, ConditionSeverity.Error, message, time),
            Phase = RequestPhase.Failed,
            TerminalMessage = message,
        };
        ExportRequestLog.RequestFailed(logger, pass.Namespace, pass.Name, message);
    }

    private BoundSchemaSpec DesiredSpec(BoundSchemaSpec source) => source with
    {
        InformerScope = _options.ConsumerScope,

        // Under Namespaced isolation the provider keeps the objects in the contract namespace while consumers see a
        // cluster-scoped API.
        Scope = source.Scope == InformerScope.Namespaced && _options.Isolation == Isolation.Namespaced ? InformerScope.Cluster : source.Scope,
    };

    private TimeSpan Age(ApiServiceExportRequest request)
    {
        var now = time.GetUtcNow();
        var age = now - (request.Metadata.CreationTimestamp ?? now);
        return age < TimeSpan.Zero ? TimeSpan.Zero : age;
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) => value < min ? min : value > max ? max : value;

    // Upstream's GroupResource.String(): <resource>.<group>, with a trailing dot for the core group.
    private static string GroupResourceString(PermissionClaim claim) => claim.Resource + "." + claim.Group;

    private static OwnerReference OwnerReferenceTo(ApiServiceExport export, bool controller) => new()
    {
        ApiVersion = Group.ApiVersion,
        Kind = ApiServiceExport.KindName,
        Name = export.Metadata.Name ?? "",
        Uid = export.Metadata.Uid ?? "",
        Controller = controller ? true : null,
        BlockOwnerDeletion = true,
    };

    /// <summary>Creates an object; when it already exists (a duplicate delivery raced us), returns the existing one instead.</summary>
    private static async Task<(T Value, bool Created)> CreateOrGetAsync<T>(Func<Task<T>> create, Func<Task<T?>> get)
        where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return (await create().ConfigureAwait(false), true);
            }
            catch (KubernetesApiException e) when (e.IsAlreadyExists)
            {
                if (await get().ConfigureAwait(false) is { } existing)
                {
                    return (existing, false);
                }

                // Deleted between our create and get: try again, but not forever.
                if (attempt >= MaxAttempts)
                {
                    throw;
                }
            }
        }
    }

    /// <summary>The state of one pass over one request: what was read, and the status being built.</summary>
    private sealed class Pass(ApiServiceExportRequest request)
    {
        public ApiServiceExportRequest Request { get; } = request;

        public string Namespace { get; } = request.Metadata.Namespace ?? "";

        public string Name { get; } = request.Metadata.Name ?? "";

        public ApiServiceExportRequestStatus Status { get; set; } = request.Status;

        // The CRD defaults the phase to Pending; an undefaulted (empty) one means the same.
        public string Phase => string.IsNullOrEmpty(Status.Phase) ? RequestPhase.Pending : Status.Phase;
    }
}
