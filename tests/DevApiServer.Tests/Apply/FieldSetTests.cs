using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Apply;

namespace KubeBind.DevApiServer.Tests.Apply;

public class FieldSetTests
{
    public static TheoryData<string> RoundTripFixtures => new() { "deployment.fieldsV1.json", "widget-apply.fieldsV1.json" };

    public static TheoryData<string, string[]> PathCases => new()
    {
        { """{"f:spec":{"f:replicas":{}}}""", [".spec.replicas"] },
        { """{"f:data":{".":{},"f:key":{}}}""", [".data", ".data.key"] },
        { """{"f:spec":{"f:ports":{"k:{\"name\":\"http\",\"protocol\":\"TCP\"}":{"f:port":{}}}}}""", [".spec.ports[name=\"http\",protocol=\"TCP\"].port"] },
        { """{"f:metadata":{"f:finalizers":{"v:\"a\"":{},"v:1":{}}}}""", [".metadata.finalizers[=1]", ".metadata.finalizers[=\"a\"]"] },
        { """{"f:spec":{"f:args":{"i:0":{}}}}""", [".spec.args[0]"] },

        // SMD iterates a node's members before descending into its children.
        { """{"f:spec":{"f:b":{"f:c":{}},"f:z":{}}}""", [".spec.z", ".spec.b.c"] },
    };

    [Theory]
    [MemberData(nameof(RoundTripFixtures))]
    public void ToFieldsV1_ReproducesInputIncludingDotMarkers_WhenReadFromFieldsV1(string fixture)
    {
        var fieldsV1 = Fixtures.Load(fixture);

        var roundTripped = FieldSet.FromFieldsV1(fieldsV1).ToFieldsV1();

        Fixtures.AssertJsonEqual(fieldsV1, roundTripped);
        Assert.Equal(fieldsV1.ToJsonString(), roundTripped.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(PathCases))]
    public void Paths_UseSmdStringForm_WhenIterated(string fieldsV1, string[] expected)
    {
        var set = FieldSet.FromFieldsV1(Fixtures.Parse(fieldsV1));

        var paths = set.Paths().Select(p => p.ToString()).ToArray();

        Assert.Equal(expected, paths);
    }

    [Fact]
    public void ToFieldsV1_SortsKeysAndPutsDotFirst_WhenBuiltFromPaths()
    {
        var set = FieldSet.FromPaths(
        [
            FieldPath.OfFields("spec", "b"),
            FieldPath.OfFields("spec"),
            FieldPath.OfFields("metadata", "labels", "x"),
            FieldPath.OfFields("spec", "a"),
        ]);

        var json = set.ToFieldsV1().ToJsonString();

        Assert.Equal("""{"f:metadata":{"f:labels":{"f:x":{}}},"f:spec":{".":{},"f:a":{},"f:b":{}}}""", json);
    }

    [Fact]
    public void FromFieldsV1_SkipsUnknownElementKinds_WhenAFutureServerWroteThem()
    {
        var set = FieldSet.FromFieldsV1(Fixtures.Parse("""{"f:spec":{"x:future":{}},"f:data":{"f:a":{}}}"""));

        var paths = set.Paths().Select(p => p.ToString()).ToArray();

        Assert.Equal([".spec", ".data.a"], paths);
    }

    [Theory]
    [InlineData("""{"k:notjson":{}}""")]
    [InlineData("""{"k:[1]":{}}""")]
    [InlineData("""{"i:one":{}}""")]
    [InlineData("""{"f:a":"leaf"}""")]
    public void FromFieldsV1_ThrowsFormatException_WhenMalformed(string fieldsV1)
    {
        var json = Fixtures.Parse(fieldsV1);

        Assert.Throws<FormatException>(() => FieldSet.FromFieldsV1(json));
    }

    [Fact]
    public void Union_HoldsPathsOfBoth_WhenSetsOverlap()
    {
        var left = Set(""" {"f:a":{},"f:b":{"f:c":{}}} """);
        var right = Set(""" {"f:b":{"f:d":{}},"f:e":{}} """);

        var union = left.Union(right);

        Assert.Equal([".a", ".e", ".b.c", ".b.d"], Strings(union));
    }

    [Fact]
    public void Intersection_HoldsCommonPaths_WhenSetsOverlap()
    {
        var left = Set(""" {"f:a":{},"f:b":{"f:c":{},"f:d":{}}} """);
        var right = Set(""" {"f:b":{"f:d":{}},"f:a":{"f:x":{}}} """);

        var intersection = left.Intersection(right);

        Assert.Equal([".b.d"], Strings(intersection));
    }

    [Fact]
    public void Difference_RemovesExactPathsOnly_WhenOtherHoldsAPrefix()
    {
        var left = Set(""" {"f:b":{".":{},"f:c":{}}} """);
        var right = Set(""" {"f:b":{}} """);

        var difference = left.Difference(right);

        Assert.Equal([".b.c"], Strings(difference));
    }

    [Fact]
    public void RecursiveDifference_RemovesEverythingBelow_WhenOtherHoldsAPrefix()
    {
        var left = Set(""" {"f:b":{".":{},"f:c":{}},"f:d":{}} """);
        var right = Set(""" {"f:b":{}} """);

        var difference = left.RecursiveDifference(right);

        Assert.Equal([".d"], Strings(difference));
    }

    [Fact]
    public void Has_MatchesNumbersByValue_WhenIntAndFloatSpellTheSameNumber()
    {
        var set = Set(""" {"f:tags":{"v:1":{}}} """);

        var found = set.Has(FieldPath.OfFields("tags").Append(PathElement.ForValue(JsonValue.Create(1.0))));

        Assert.True(found);
    }

    private static FieldSet Set(string json) => FieldSet.FromFieldsV1(Fixtures.Parse(json));

    private static string[] Strings(FieldSet set) => [.. set.Paths().Select(p => p.ToString())];
}
