using System.Text.Json.Nodes;
using KubeBind.Kubernetes;
using KubeBind.Kubernetes.Caching;
using KubeBind.Kubernetes.Models;
using KubeBind.Kubernetes.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KubeBind.Api.Crds;

/// <summary>
/// Installs the shipped CRDs (<see cref="CrdManifests"/>) with server-side apply and waits until they are Established.
/// Idempotent: run it at every start. A same-named CRD that is not compatible (other names or scope, no v1alpha2, or
/// versions we do not ship) stops the install with an <see cref="IncompatibleCrdException"/> before anything is written.
/// </summary>
public sealed class CrdInstaller
{
    private static readonly GroupVersionResource Crds = new("apiextensions.k8s.io", "v1", "customresourcedefinitions");

    private readonly ResourceClient<JsonObject> _crds;
    private readonly CrdInstallerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public CrdInstaller(KubernetesClient client, CrdInstallerOptions? options = null, ILogger<CrdInstaller>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _options = options ?? new CrdInstallerOptions();
        _options.Validate();
        _crds = client.Resource(Crds);
        _time = client.Options.TimeProvider;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Installs every shipped CRD.</summary>
    public Task<IReadOnlyList<CrdInstallResult>> InstallAsync(CancellationToken cancellationToken = default) =>
        InstallAsync(CrdManifests.All.Keys, cancellationToken);

    /// <summary>Installs the shipped CRDs named in <paramref name="names"/> (e.g. <see cref="CrdManifests.ConsumerNames"/>).</summary>
    public async Task<IReadOnlyList<CrdInstallResult>> InstallAsync(IEnumerable<string> names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        var manifests = names.Distinct(StringComparer.Ordinal).Select(CrdManifests.Get).ToList();

        // Check every CRD before writing any, so a foreign one leaves the cluster as it was.
        var existing = new Dictionary<string, JsonObject?>(StringComparer.Ordinal);
        var problems = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var manifest in manifests)
        {
            var current = await _crds.GetOrNullAsync(manifest.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
            existing[manifest.Name] = current;
            if (current is null)
            {
                continue;
            }

            if (current["metadata"]?["deletionTimestamp"] is not null)
            {
                throw new InvalidOperationException($"CustomResourceDefinition {manifest.Name} is being deleted; wait until it is gone, then install again");
            }

            if (CrdCompatibility.Problems(current, manifest) is { Count: > 0 } found)
            {
                CrdInstallerLog.Incompatible(_logger, manifest.Name, string.Join("; ", found));
                problems[manifest.Name] = found;
            }
        }

        if (problems.Count > 0)
        {
            throw new IncompatibleCrdException(problems);
        }

        var applied = new List<(JsonObject Crd, CrdInstallOutcome Outcome)>();
        foreach (var manifest in manifests)
        {
            // Forced: past the compatibility check every field we apply is ours, so we take it over from earlier
            // installers (kubectl, Helm, upstream's konnector), as `kubectl apply --server-side --force-conflicts` does.
            var crd = await _crds.ApplyAsync(manifest.ToJson(), _options.FieldManager, force: true, cancellationToken: cancellationToken).ConfigureAwait(false);
            var outcome = existing[manifest.Name] is not { } before ? CrdInstallOutcome.Created
                : ResourceVersion(before) == ResourceVersion(crd) ? CrdInstallOutcome.Unchanged
                : CrdInstallOutcome.Updated;
            CrdInstallerLog.Applied(_logger, manifest.Name, outcome);
            applied.Add((crd, outcome));
        }

        using var deadline = new CancellationTokenSource(_options.EstablishTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var established = await Task.WhenAll(applied.Select(a => WaitEstablishedAsync(a.Crd, cancellationToken, linked.Token))).ConfigureAwait(false);
        return [.. applied.Zip(established, (a, crd) => new CrdInstallResult { Name = Name(crd), Outcome = a.Outcome, ResourceVersion = ResourceVersion(crd) })];
    }

    /// <summary>Watches the CRD from the state we have until it is Established, its names are rejected, or the deadline passes.</summary>
    private async Task<JsonObject> WaitEstablishedAsync(JsonObject crd, CancellationToken cancellationToken, CancellationToken deadline)
    {
        var name = Name(crd);
        try
        {
            while (!IsTrue(crd, "Established"))
            {
                if (Condition(crd, "NamesAccepted") is { } names && names["status"]?.GetValue<string>() == "False")
                {
                    throw new InvalidOperationException(
                        $"CustomResourceDefinition {name} cannot be established, its names were not accepted ({names["reason"]}: {names["message"]}); " +
                        "another CRD of the group claims the same kind or names, remove or rename it");
                }

                CrdInstallerLog.Waiting(_logger, name);
                crd = await NextStateAsync(crd, deadline).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"CustomResourceDefinition {name} was not established within {_options.EstablishTimeout}; its conditions: {crd["status"]?["conditions"]?.ToJsonString() ?? "none"}");
        }

        CrdInstallerLog.Established(_logger, name);
        return crd;
    }

    /// <summary>The CRD's next state after <paramref name="crd"/>: the next watch event, or a fresh read when the watch cannot resume.</summary>
    private async Task<JsonObject> NextStateAsync(JsonObject crd, CancellationToken cancellationToken)
    {
        var name = Name(crd);
        var options = new WatchOptions { FieldSelector = $"metadata.name={name}", ResourceVersion = ResourceVersion(crd) };
        try
        {
            await foreach (var change in _crds.WatchAsync(options: options, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                switch (change.Type)
                {
                    case WatchEventType.Deleted:
                        throw new InvalidOperationException($"CustomResourceDefinition {name} was deleted while we waited for it to be established");
                    case WatchEventType.Added or WatchEventType.Modified:
                        return change.Object;
                }
            }
        }
        catch (KubernetesApiException e) when (e.IsGone)
        {
            // Our version is too old to watch from: read the current state below instead.
        }

        return await _crds.GetOrNullAsync(name, cancellationToken: cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"CustomResourceDefinition {name} was deleted while we waited for it to be established");
    }

    private static JsonObject? Condition(JsonObject crd, string type) =>
        (crd["status"]?["conditions"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(c => c["type"]?.GetValue<string>() == type);

    private static bool IsTrue(JsonObject crd, string type) => Condition(crd, type)?["status"]?.GetValue<string>() == "True";

    // CRDs are cluster-scoped, so the cache key is the name.
    private static string Name(JsonObject crd) => ObjectKeys.Of(crd).Key;

    private static string ResourceVersion(JsonObject crd) => ObjectKeys.Of(crd).ResourceVersion;
}
