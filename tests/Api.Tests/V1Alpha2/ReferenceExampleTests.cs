using System.Text.Json.Nodes;
using KubeBind.Api.V1Alpha2;
using KubeBind.Testing;

namespace KubeBind.Api.Tests.V1Alpha2;

public sealed class ReferenceExampleTests
{
    public static TheoryData<string, int> Examples { get; } = Load();

    [Theory]
    [MemberData(nameof(Examples))]
    public void Serialize_KeepsEveryField_WhenReferenceExampleRoundTrips(string file, int document)
    {
        var original = YamlJson.Documents(File.ReadAllText(ReferenceData.Path("examples", file))).ElementAt(document)!;
        var kind = original["kind"]!.GetValue<string>();

        var roundTripped = JsonNode.Parse(WireKinds.RoundTrip(kind, original.ToJsonString()))!;

        // Go always writes struct fields such as status, so the round trip may add them but must not lose or change any.
        Assert.True(Contains(roundTripped, original), $"lost data from\n{original.ToJsonString()}\ngot\n{roundTripped.ToJsonString()}");
    }

    private static bool Contains(JsonNode? actual, JsonNode? expected) => (actual, expected) switch
    {
        (JsonObject a, JsonObject e) => e.All(p => a.ContainsKey(p.Key) && Contains(a[p.Key], p.Value)),
        _ => JsonNode.DeepEquals(actual, expected),
    };

    private static TheoryData<string, int> Load()
    {
        var root = ReferenceData.Path("examples");
        var data = new TheoryData<string, int>();
        foreach (var path in Directory.GetFiles(root, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(path);

            // Helm templates are not YAML until rendered; only plain manifests are checked.
            if (!text.Contains(Group.ApiVersion, StringComparison.Ordinal) || text.Contains("{{", StringComparison.Ordinal))
            {
                continue;
            }

            var documents = YamlJson.Documents(text).ToList();
            for (var i = 0; i < documents.Count; i++)
            {
                if (documents[i]?["apiVersion"]?.GetValue<string>() == Group.ApiVersion)
                {
                    Assert.True(WireKinds.IsKnown(documents[i]!["kind"]!.GetValue<string>()), $"{path}: no type for this kind");
                    data.Add(Path.GetRelativePath(root, path), i);
                }
            }
        }

        return data;
    }
}
