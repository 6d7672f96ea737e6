using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Patching;

namespace KubeBind.DevApiServer.Tests.Patching;

public class StrategicMergePatchTests
{
    private const string Fixtures = "strategic-merge-patch.json";

    // The patch tags of the Kubernetes fields the fixtures touch (ObjectMeta, ServiceAccount, PodSpec, DeploymentSpec).
    internal static readonly StrategicPatchSchema KubernetesLike = StrategicPatchSchema.Empty
        .MergeList("metadata.ownerReferences", "uid")
        .MergePrimitiveList("metadata.finalizers")
        .MergeList("secrets", "name")
        .MergeList("spec.containers", "name")
        .MergeList("spec.containers.env", "name")
        .MergeList("spec.containers.ports", "containerPort")
        .MergeList("spec.volumes", "name")
        .RetainKeys("spec.volumes")
        .RetainKeys("spec.strategy")
        .MergeList("spec.template.spec.containers", "name");

    public static TheoryData<string> Cases => PatchFixtures.Names(Fixtures);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Apply_ProducesFixtureOutcome_WithoutChangingInputs(string name)
    {
        var fixture = PatchFixtures.Case(Fixtures, name);
        var schema = fixture["schema"]?.GetValue<string>() == "empty" ? StrategicPatchSchema.Empty : KubernetesLike;
        var before = PatchFixtures.Snapshot(fixture);
        var original = PatchFixtures.Original(fixture)!.AsObject();
        var patch = PatchFixtures.Patch(fixture);
        JsonNode? result = null;

        var error = Record.Exception(() => result = StrategicMergePatch.Apply(original, patch, schema));

        PatchFixtures.AssertOutcome(fixture, result, error);
        Assert.Equal(before, PatchFixtures.Snapshot(fixture));
    }

    [Fact]
    public void Apply_ReturnsDetachedTree_WhenItemsAreMergedAndInserted()
    {
        var original = JsonNode.Parse("""{"spec":{"containers":[{"name":"a","image":"1"}]}}""")!.AsObject();
        var patch = JsonNode.Parse("""{"spec":{"containers":[{"name":"b","env":[{"name":"E"}]}]}}""")!.AsObject();

        var result = StrategicMergePatch.Apply(original, patch, KubernetesLike);
        result["spec"]!["containers"]![0]!["image"] = "2";
        result["spec"]!["containers"]![1]!["env"]!.AsArray().Clear();

        Assert.Equal("""{"spec":{"containers":[{"name":"a","image":"1"}]}}""", original.ToJsonString());
        Assert.Equal("""{"spec":{"containers":[{"name":"b","env":[{"name":"E"}]}]}}""", patch.ToJsonString());
    }

    [Fact]
    public void Apply_KeepsMemberOrder_WhenMergingIntoExistingMaps()
    {
        var original = JsonNode.Parse("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm"},"data":{"a":"1"}}""")!.AsObject();
        var patch = JsonNode.Parse("""{"data":{"b":"2"},"metadata":{"labels":{"x":"y"}}}""")!.AsObject();

        var result = StrategicMergePatch.Apply(original, patch, StrategicPatchSchema.Empty);

        Assert.Equal(
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm","labels":{"x":"y"}},"data":{"a":"1","b":"2"}}""",
            result.ToJsonString());
    }
}
