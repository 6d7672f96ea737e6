using System.Collections.ObjectModel;

namespace KubeBind.Api.Crds;

/// <summary>The kube-bind.io CRDs this project ships (<c>deploy/crds</c>, embedded in this assembly).</summary>
public static class CrdManifests
{
    private const string ResourcePrefix = "crds/";

    /// <summary>Every shipped CRD by name (<c>apiserviceexports.kube-bind.io</c>), in name order.</summary>
    public static IReadOnlyDictionary<string, CrdManifest> All { get; } = Load();

    /// <summary>The CRDs a consumer cluster needs; the konnector installs them (as upstream's does at start-up).</summary>
    public static IReadOnlyList<string> ConsumerNames { get; } = [Name("apiservicebindings"), Name("apiservicebindingbundles")];

    /// <summary>The CRDs a provider cluster needs (upstream's e2e set, plus bindableresourcesrequests for frontend-less binding).</summary>
    public static IReadOnlyList<string> ProviderNames { get; } =
    [
        Name("apiserviceexportrequests"), Name("apiserviceexports"), Name("apiserviceexporttemplates"), Name("apiservicenamespaces"),
        Name("bindableresourcesrequests"), Name("boundschemas"), Name("clusterbindings"), Name("clusters"), Name("collections"),
    ];

    /// <summary>The shipped CRD called <paramref name="name"/>.</summary>
    public static CrdManifest Get(string name) => All.TryGetValue(name, out var manifest)
        ? manifest
        : throw new KeyNotFoundException($"no shipped CRD is named '{name}'; the shipped ones are {string.Join(", ", All.Keys)}");

    private static string Name(string plural) => $"{plural}.{Group.Name}";

    private static ReadOnlyDictionary<string, CrdManifest> Load()
    {
        var assembly = typeof(CrdManifests).Assembly;
        var manifests = new SortedDictionary<string, CrdManifest>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var manifest = new CrdManifest(resource[ResourcePrefix.Length..], reader.ReadToEnd());
            manifests.Add(manifest.Name, manifest);
        }

        return new ReadOnlyDictionary<string, CrdManifest>(manifests);
    }
}
