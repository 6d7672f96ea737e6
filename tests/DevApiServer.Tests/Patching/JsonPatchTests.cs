using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Patching;

namespace KubeBind.DevApiServer.Tests.Patching;

public class JsonPatchTests
{
    private const string Fixtures = "json-patch.json";

    public static TheoryData<string> Cases => PatchFixtures.Names(Fixtures);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Apply_ProducesFixtureOutcome_WithoutChangingInputs(string name)
    {
        var fixture = PatchFixtures.Case(Fixtures, name);
        var before = PatchFixtures.Snapshot(fixture);
        JsonNode? result = null;

        var error = Record.Exception(() => result = JsonPatch.Apply(PatchFixtures.Original(fixture), PatchFixtures.Patch(fixture)));

        PatchFixtures.AssertOutcome(fixture, result, error);
        Assert.Equal(before, PatchFixtures.Snapshot(fixture));
    }

    [Fact]
    public void Apply_ReturnsDetachedTree_WhenValuesAreAddedAndCopied()
    {
        var original = JsonNode.Parse("""{"a":{"b":1}}""");
        var patch = JsonNode.Parse("""[{"op":"add","path":"/v","value":{"x":1}},{"op":"copy","from":"/a","path":"/c"}]""");

        var result = JsonPatch.Apply(original, patch)!;
        result["v"]!["x"] = 2;
        result["c"]!["b"] = 2;

        Assert.Equal("""{"a":{"b":1}}""", original!.ToJsonString());
        Assert.Equal(1, patch![0]!["value"]!["x"]!.GetValue<int>());
        Assert.Equal(1, result["a"]!["b"]!.GetValue<int>());
    }
}
