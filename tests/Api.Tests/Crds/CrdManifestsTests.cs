using System.Text.Json.Nodes;
using KubeBind.Api.Crds;
using KubeBind.Testing;

namespace KubeBind.Api.Tests.Crds;

public sealed class CrdManifestsTests
{
    public static TheoryData<string> UpstreamFiles { get; } = [.. UpstreamPaths().Select(p => Path.GetFileName(p))];

    [Theory]
    [MemberData(nameof(UpstreamFiles))]
    public void All_MatchesUpstreamStructure_WhenDescriptionsAreIgnored(string file)
    {
        var upstream = (JsonObject)YamlJson.Documents(ReferenceData.Read("crds", file)).Single(d => d is not null)!;
        var name = upstream["metadata"]!["name"]!.GetValue<string>();
        Assert.True(CrdManifests.All.ContainsKey(name), $"no shipped manifest for upstream {file} ({name})");
        var ours = CrdManifests.All[name].ToJson();

        var differences = CrdDiff.Differences(
            new JsonObject { ["name"] = name, ["spec"] = upstream["spec"]!.DeepClone() },
            new JsonObject { ["name"] = ours["metadata"]?["name"]?.DeepClone(), ["spec"] = ours["spec"]?.DeepClone() });

        Assert.True(differences.Count == 0, $"{name} ({CrdManifests.All[name].FileName}) differs from upstream {file}:\n{string.Join('\n', differences)}");
    }

    [Fact]
    public void All_HasExactlyTheUpstreamCrds_WhenComparedByName()
    {
        var upstream = UpstreamPaths()
            .Select(p => YamlJson.Documents(File.ReadAllText(p)).Single(d => d is not null)!["metadata"]!["name"]!.GetValue<string>())
            .Order(StringComparer.Ordinal);

        Assert.Equal(upstream, CrdManifests.All.Keys);
    }

    [Fact]
    public void All_DescribesEachManifest_WhenLoaded()
    {
        var export = CrdManifests.Get("apiserviceexports.kube-bind.io");

        Assert.Equal(("kube-bind.io", "APIServiceExport", "APIServiceExportList", "apiserviceexports", "apiserviceexport", "Namespaced"),
            (export.Group, export.Kind, export.ListKind, export.Plural, export.Singular, export.Scope));
        Assert.Equal(["v1alpha1", "v1alpha2"], export.Versions);
        Assert.Equal(Group.V1Alpha2, export.StorageVersion);
        Assert.Equal("kube-bind.io_apiserviceexports.yaml", export.FileName);
        Assert.All(CrdManifests.All, m => Assert.Equal($"{m.Value.Plural}.{m.Value.Group}", m.Key));
    }

    [Fact]
    public void ToJson_ReturnsACopy_WhenTheCallerChangesIt()
    {
        var manifest = CrdManifests.Get("clusters.kube-bind.io");

        manifest.ToJson()["spec"]!["scope"] = "Namespaced";

        Assert.Equal("Cluster", manifest.ToJson()["spec"]!["scope"]!.GetValue<string>());
    }

    [Fact]
    public void ConsumerAndProviderNames_AreShippedAndDisjoint_WhenListed()
    {
        var names = CrdManifests.ConsumerNames.Concat(CrdManifests.ProviderNames).ToList();

        Assert.All(names, n => Assert.True(CrdManifests.All.ContainsKey(n), n));
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.DoesNotContain("apiconversions.kube-bind.io", names);
    }

    [Fact]
    public void Get_NamesTheShippedCrds_WhenTheNameIsUnknown()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => CrdManifests.Get("widgets.kube-bind.io"));

        Assert.Contains("widgets.kube-bind.io", error.Message, StringComparison.Ordinal);
        Assert.Contains("apiserviceexports.kube-bind.io", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<string> UpstreamPaths() =>
        Directory.GetFiles(ReferenceData.Path("crds"), "kube-bind.io_*.yaml").Order(StringComparer.Ordinal);
}
