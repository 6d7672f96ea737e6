using KubeBind.DevApiServer.Apply;

namespace KubeBind.DevApiServer.Tests.Apply;

public class ApplySchemaTests
{
    public static TheoryData<string, string, string[]> OwnedPaths => new()
    {
        // Schema ("widget", "deduced", "overrides"), applied spec, paths the applier owns.
        { "widget", """{"extra":{"foo":{"bar":1}}}""", [".spec.extra.foo.bar"] },
        { "widget", """{"selector":{"a":"b"}}""", [".spec.selector"] },
        { "widget", """{"args":["x"],"tags":["x"]}""", [".spec.args", ".spec.tags[=\"x\"]"] },
        { "widget", """{"unknown":{"deep":true}}""", [".spec.unknown.deep"] },
        { "deduced", """{"list":[{"name":"a"}],"map":{"k":"v"},"empty":{}}""", [".spec.list", ".spec.map.k"] },
        { "overrides", """{"items":[{"name":"a","v":1}],"set":[1,2],"blob":{"k":"v"}}""", [".spec.blob", ".spec.items[name=\"a\"]", ".spec.items[name=\"a\"].name", ".spec.items[name=\"a\"].v", ".spec.set[=1]", ".spec.set[=2]"] },
        { "overrides", """{"nested":[{"name":"a","ports":[{"port":80,"x":1}]}]}""", [".spec.nested[name=\"a\"]", ".spec.nested[name=\"a\"].name", ".spec.nested[name=\"a\"].ports[port=80]", ".spec.nested[name=\"a\"].ports[port=80].port", ".spec.nested[name=\"a\"].ports[port=80].x"] },
        { "widget", """{"template":null}""", [] },
        { "deduced", """{"template":null}""", [".spec.template"] },
    };

    [Theory]
    [MemberData(nameof(OwnedPaths))]
    public void FromConfiguration_OwnsPathsPerSchema_WhenSpecIsApplied(string schemaName, string spec, string[] expected)
    {
        var schema = schemaName switch
        {
            "widget" => Fixtures.WidgetSchema,
            "deduced" => ApplySchema.Deduced,
            _ => ApplySchema.Deduced
                .WithAssociativeList("spec.items", "name")
                .WithAssociativeList("spec.nested", "name")
                .WithAssociativeList("spec.nested.ports", "port")
                .WithSetList("spec.set")
                .WithAtomic("spec.blob"),
        };

        var fields = FieldSetBuilder.FromConfiguration(Fixtures.Widget(spec), schema);

        Assert.Equal(expected, fields.Paths().Select(p => p.ToString()).ToArray());
    }

    [Fact]
    public void FromConfiguration_FollowsObjectMeta_WhenCrdSchemaSaysNothingAboutMetadata()
    {
        var config = Fixtures.Parse("""
            {"apiVersion":"v1","kind":"Thing","metadata":{"name":"n","uid":"u","labels":{"a":"1"},"finalizers":["f"],
             "ownerReferences":[{"uid":"o1","name":"owner","kind":"K","apiVersion":"v1"}]}}
            """);

        var fields = FieldSetBuilder.FromConfiguration(config, ApplySchema.Deduced);

        Assert.Equal(
            [".metadata.finalizers[=\"f\"]", ".metadata.labels.a", ".metadata.ownerReferences[uid=\"o1\"]",
             ".metadata.ownerReferences[uid=\"o1\"].apiVersion", ".metadata.ownerReferences[uid=\"o1\"].kind",
             ".metadata.ownerReferences[uid=\"o1\"].name", ".metadata.ownerReferences[uid=\"o1\"].uid"],
            fields.Paths().Select(p => p.ToString()).ToArray());
    }
}
