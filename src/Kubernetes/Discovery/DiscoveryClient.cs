using System.Text.Json.Nodes;
using KubeBind.Kubernetes.Models;

namespace KubeBind.Kubernetes.Discovery;

/// <summary>Reads the legacy discovery documents (/api, /apis and each group/version) into <see cref="ApiResource"/>s.</summary>
public sealed class DiscoveryClient(KubernetesClient client)
{
    /// <summary>Every served resource (subresources excluded), in every served version of every group.</summary>
    public async Task<IReadOnlyList<ApiResource>> GetResourcesAsync(CancellationToken cancellationToken = default)
    {
        var groupVersions = new List<(string Group, string Version)>();
        var core = await client.GetJsonAsync("/api", cancellationToken).ConfigureAwait(false);
        foreach (var version in core?["versions"]?.AsArray() ?? [])
        {
            groupVersions.Add((string.Empty, version!.GetValue<string>()));
        }

        var groups = await client.GetJsonAsync("/apis", cancellationToken).ConfigureAwait(false);
        foreach (var group in groups?["groups"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            var name = group["name"]!.GetValue<string>();
            foreach (var version in group["versions"]?.AsArray().OfType<JsonObject>() ?? [])
            {
                groupVersions.Add((name, version["version"]!.GetValue<string>()));
            }
        }

        var lists = await Task.WhenAll(groupVersions.Select(gv => ResourcesOfAsync(gv.Group, gv.Version, cancellationToken))).ConfigureAwait(false);
        return [.. lists.SelectMany(l => l)];
    }

    private async Task<IReadOnlyList<ApiResource>> ResourcesOfAsync(string group, string version, CancellationToken cancellationToken)
    {
        var path = group.Length == 0 ? $"/api/{version}" : $"/apis/{group}/{version}";
        JsonNode? document;
        try
        {
            document = await client.GetJsonAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            return []; // the group/version went away between the two reads (a CRD being deleted)
        }

        return
        [
            .. (document?["resources"]?.AsArray().OfType<JsonObject>() ?? [])
                .Where(r => !r["name"]!.GetValue<string>().Contains('/', StringComparison.Ordinal))
                .Select(r => new ApiResource(
                    new GroupVersionResource(group, version, r["name"]!.GetValue<string>()),
                    r["kind"]?.GetValue<string>() ?? string.Empty,
                    r["namespaced"]?.GetValue<bool>() ?? false,
                    Strings(r["verbs"]),
                    Strings(r["shortNames"]),
                    r["singularName"]?.GetValue<string>() ?? string.Empty)),
        ];
    }

    private static List<string> Strings(JsonNode? node) => node?.AsArray().Select(v => v!.GetValue<string>()).ToList() ?? [];
}
