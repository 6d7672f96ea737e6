using System.Text.Json.Nodes;
using KubeBind.Api.Crds;

namespace KubeBind.Api.Tests.Crds;

public sealed class CrdCompatibilityTests
{
    private static readonly CrdManifest Exports = CrdManifests.Get("apiserviceexports.kube-bind.io");

    public static TheoryData<string, string> Incompatible { get; } = new()
    {
        { """{"spec":{"scope":"Cluster"}}""", "scope is Cluster, we need Namespaced" },
        { """{"spec":{"names":{"kind":"Export"}}}""", "kind is Export, we need APIServiceExport" },
        { """{"spec":{"names":{"listKind":"Exports"}}}""", "listKind is Exports, we need APIServiceExportList" },
        { """{"spec":{"names":{"singular":"export"}}}""", "singular is export, we need apiserviceexport" },
        { """{"spec":{"versions":[{"name":"v1alpha1"}]}}""", "it has no version v1alpha2 (it has v1alpha1)" },
        { """{"spec":{"versions":[{"name":"v1alpha2"},{"name":"v1beta1"}]}}""", "it has version(s) v1beta1 that we do not ship" },
        { """{"status":{"storedVersions":["v1alpha2","v1"]}}""", "it has version(s) v1 that we do not ship" },
    };

    [Theory]
    [MemberData(nameof(Incompatible))]
    public void Problems_SaysWhatDiffers_WhenTheExistingCrdIsIncompatible(string change, string problem)
    {
        var existing = Merge(Exports.ToJson(), JsonNode.Parse(change)!.AsObject());

        var problems = CrdCompatibility.Problems(existing, Exports);

        Assert.Contains(problems, p => p.StartsWith(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_IsEmpty_WhenAnOlderKubeBindCrdDiffersOnlyInWhatWeUpdate()
    {
        var older = Merge(Exports.ToJson(), JsonNode.Parse("""
            {"spec":{"names":{"shortNames":["ex"],"categories":[]},"versions":[{"name":"v1alpha2","storage":true}]},
             "status":{"storedVersions":["v1alpha1","v1alpha2"]}}
            """)!.AsObject());

        var problems = CrdCompatibility.Problems(older, Exports);

        Assert.Empty(problems);
    }

    [Fact]
    public void Problems_IsEmpty_WhenTheCrdIsAsShipped()
    {
        Assert.All(CrdManifests.All.Values, m => Assert.Empty(CrdCompatibility.Problems(m.ToJson(), m)));
    }

    // A JSON merge patch (RFC 7386) is enough here: objects merge, everything else replaces.
    private static JsonObject Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            target[key] = value is JsonObject child && target[key] is JsonObject existing ? Merge(existing, child) : value?.DeepClone();
        }

        return target;
    }
}
