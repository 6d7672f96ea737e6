using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Patching;

namespace KubeBind.DevApiServer.Tests.Patching;

public class JsonMergePatchTests
{
    private const string Fixtures = "json-merge-patch.json";

    public static TheoryData<string> Cases => PatchFixtures.Names(Fixtures);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Apply_ProducesFixtureOutcome_WithoutChangingInputs(string name)
    {
        var fixture = PatchFixtures.Case(Fixtures, name);
        var before = PatchFixtures.Snapshot(fixture);
        JsonNode? result = null;

        var error = Record.Exception(() => result = JsonMergePatch.Apply(PatchFixtures.Original(fixture), PatchFixtures.Patch(fixture)));

        PatchFixtures.AssertOutcome(fixture, result, error);
        Assert.Equal(before, PatchFixtures.Snapshot(fixture));
    }

    [Fact]
    public void Apply_ReturnsDetachedTree_WhenPatchValuesAreCopiedIn()
    {
        var original = JsonNode.Parse("""{"keep":{"x":1}}""");
        var patch = JsonNode.Parse("""{"add":{"y":[1]}}""");

        var result = JsonMergePatch.Apply(original, patch)!;
        result["keep"]!["x"] = 2;
        result["add"]!["y"]!.AsArray().Add(2);

        Assert.Equal("""{"keep":{"x":1}}""", original!.ToJsonString());
        Assert.Equal("""{"add":{"y":[1]}}""", patch!.ToJsonString());
    }
}
