using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Schema;

namespace KubeBind.DevApiServer.Tests.Schema;

public sealed class SchemaPrunerTests
{
    public static TheoryData<string, string, string, string[]> PruneCases => new()
    {
        {
            """{"type":"object","properties":{"a":{"type":"string"}}}""",
            """{"z":1,"a":"x","b":{"c":1}}""",
            """{"a":"x"}""",
            ["spec.z", "spec.b"]
        },
        {
            """{"type":"object","properties":{"items":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"}}}}}}""",
            """{"items":[{"name":"a"},{"name":"b","bar":1}]}""",
            """{"items":[{"name":"a"},{"name":"b"}]}""",
            ["spec.items[1].bar"]
        },
        {
            """{"type":"object","x-kubernetes-preserve-unknown-fields":true,"properties":{"known":{"type":"object","properties":{"x":{"type":"integer"}}}}}""",
            """{"known":{"x":1,"y":2},"other":{"q":1}}""",
            """{"known":{"x":1},"other":{"q":1}}""",
            ["spec.known.y"]
        },
        {
            """{"type":"object","properties":{"template":{"type":"object","x-kubernetes-embedded-resource":true,"properties":{"spec":{"type":"object"}}}}}""",
            """{"template":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","labels":{"a":"b"}},"spec":{"x":1},"junk":1}}""",
            """{"template":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","labels":{"a":"b"}},"spec":{}}}""",
            ["spec.template.spec.x", "spec.template.junk"]
        },
        {
            """{"type":"object","properties":{"port":{"x-kubernetes-int-or-string":true},"name":{"x-kubernetes-int-or-string":true}}}""",
            """{"port":8080,"name":"http"}""",
            """{"port":8080,"name":"http"}""",
            []
        },
        {
            """{"type":"object","properties":{"labels":{"type":"object","additionalProperties":{"type":"string"}}}}""",
            """{"labels":{"a":"1","b":"2"}}""",
            """{"labels":{"a":"1","b":"2"}}""",
            []
        },
        {
            """{"type":"object","properties":{"any":{"type":"object","additionalProperties":true}}}""",
            """{"any":{"a":"1","b":{"c":2}}}""",
            """{"any":{"a":"1","b":{}}}""",
            ["spec.any.b.c"]
        },
        {
            """{"type":"object","properties":{"replicas":{"type":"integer"}}}""",
            """{"replicas":{"a":1}}""",
            """{"replicas":{}}""",
            ["spec.replicas.a"]
        },
        {
            """{"type":"object","properties":{"s":{"type":"string"},"n":{"type":"string","nullable":true}}}""",
            """{"s":null,"n":null}""",
            """{"n":null}""",
            []
        },
    };

    [Theory]
    [MemberData(nameof(PruneCases))]
    public void Process_PrunesUnknownFields_WhenSchemaDoesNotDeclareThem(string specSchema, string spec, string expectedSpec, string[] expectedUnknown)
    {
        var resource = SchemaTestData.Resource(spec);

        var result = SchemaProcessor.Process(resource, SchemaTestData.SpecSchema(specSchema));

        Assert.Equal(expectedUnknown, result.UnknownFields);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expectedSpec), resource["spec"]), resource["spec"]!.ToJsonString());
    }

    [Fact]
    public void Process_PrunesUnknownTopLevelFields_WhenTheyAreNotInTheSchema()
    {
        var resource = JsonNode.Parse("""{"apiVersion":"a/v1","kind":"A","metadata":{"name":"x"},"spec":{},"extra":1,"status":{"ok":true}}""")!.AsObject();
        var schema = StructuralSchema.Parse(JsonNode.Parse("""{"type":"object","properties":{"spec":{"type":"object"}}}""")!);

        var result = SchemaProcessor.Process(resource, schema);

        Assert.Equal(["extra", "status"], result.UnknownFields);
        Assert.Equal(["apiVersion", "kind", "metadata", "spec"], resource.Select(p => p.Key));
    }

    [Fact]
    public void Process_LeavesRootMetadataUntouched_WhenItHoldsFieldsTheSchemaDoesNotDeclare()
    {
        const string metadata = """{"name":"x","labels":{"a":"b"},"annotations":null,"managedFields":[{"manager":"kubectl","fieldsV1":{"f:spec":{}}}],"unknown":{"deep":[1,2]}}""";
        var resource = JsonNode.Parse("""{"apiVersion":"a/v1","kind":"A","metadata":""" + metadata + ""","spec":{}}""")!.AsObject();
        var schema = StructuralSchema.Parse(JsonNode.Parse("""{"type":"object","properties":{"metadata":{"type":"object","properties":{"name":{"type":"string","default":"d"}}},"spec":{"type":"object"}}}""")!);

        var result = SchemaProcessor.Process(resource, schema);

        Assert.Empty(result.UnknownFields);
        Assert.Empty(result.Errors);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(metadata), resource["metadata"]));
    }

    [Fact]
    public void Process_KeepsPreservedSubtree_WhenRootPreservesUnknownFields()
    {
        var resource = JsonNode.Parse("""{"apiVersion":"a/v1","kind":"A","metadata":{"name":"x"},"spec":{"free":{"form":[1,{"x":null}]}},"other":1}""")!.AsObject();
        var schema = StructuralSchema.Parse(JsonNode.Parse("""{"type":"object","x-kubernetes-preserve-unknown-fields":true}""")!);

        var result = SchemaProcessor.Process(resource, schema);

        Assert.Empty(result.UnknownFields);
        Assert.Equal("""{"free":{"form":[1,{"x":null}]}}""", resource["spec"]!.ToJsonString());
        Assert.Equal(1, (int)resource["other"]!);
    }
}
