using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Schema;

namespace KubeBind.DevApiServer.Tests.Schema;

public sealed class SchemaDefaulterTests
{
    public static TheoryData<string, string, string> DefaultCases => new()
    {
        { """{"type":"object","properties":{"replicas":{"type":"integer","default":1}}}""", "{}", """{"replicas":1}""" },
        { """{"type":"object","properties":{"replicas":{"type":"integer","default":1}}}""", """{"replicas":3}""", """{"replicas":3}""" },
        {
            """{"type":"object","properties":{"template":{"type":"object","default":{},"properties":{"image":{"type":"string","default":"nginx"}}}}}""",
            "{}",
            """{"template":{"image":"nginx"}}"""
        },
        {
            """{"type":"object","properties":{"ports":{"type":"array","items":{"type":"object","properties":{"port":{"type":"integer"},"protocol":{"type":"string","default":"TCP"}}}}}}""",
            """{"ports":[{"port":80},{"port":53,"protocol":"UDP"}]}""",
            """{"ports":[{"port":80,"protocol":"TCP"},{"port":53,"protocol":"UDP"}]}"""
        },
        {
            """{"type":"object","properties":{"pools":{"type":"object","additionalProperties":{"type":"object","properties":{"size":{"type":"integer","default":3}}}}}}""",
            """{"pools":{"a":{},"b":{"size":1}}}""",
            """{"pools":{"a":{"size":3},"b":{"size":1}}}"""
        },
        {
            """{"type":"object","properties":{"mode":{"type":"string","default":"auto"}}}""",
            """{"mode":null}""",
            """{"mode":"auto"}"""
        },
        {
            """{"type":"object","properties":{"mode":{"type":"string","nullable":true,"default":"auto"}}}""",
            """{"mode":null}""",
            """{"mode":null}"""
        },
        {
            """{"type":"object","properties":{"opts":{"type":"object","default":{"a":1,"unknown":2},"properties":{"a":{"type":"integer"}}}}}""",
            "{}",
            """{"opts":{"a":1}}"""
        },
        {
            """{"type":"object","properties":{"l":{"type":"array","items":{"type":"string","default":"x"}}}}""",
            """{"l":[null,"y"]}""",
            """{"l":["x","y"]}"""
        },
        {
            """{"type":"object","properties":{"inner":{"type":"object","properties":{"v":{"type":"integer","default":7}}}}}""",
            "{}",
            "{}"
        },
    };

    [Theory]
    [MemberData(nameof(DefaultCases))]
    public void Process_AppliesDefaults_WhenFieldsAreMissing(string specSchema, string spec, string expectedSpec)
    {
        var resource = SchemaTestData.Resource(spec);

        var result = SchemaProcessor.Process(resource, SchemaTestData.SpecSchema(specSchema));

        Assert.Empty(result.Errors);
        Assert.Empty(result.UnknownFields);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expectedSpec), resource["spec"]), resource["spec"]!.ToJsonString());
    }

    [Fact]
    public void Process_CreatesSpecFromItsDefault_WhenSpecIsMissing()
    {
        var resource = JsonNode.Parse("""{"apiVersion":"a/v1","kind":"A","metadata":{"name":"x"}}""")!.AsObject();
        var schema = StructuralSchema.Parse(JsonNode.Parse("""{"type":"object","properties":{"spec":{"type":"object","default":{},"properties":{"replicas":{"type":"integer","default":2}}}}}""")!);

        SchemaProcessor.Process(resource, schema);

        Assert.Equal("""{"replicas":2}""", resource["spec"]!.ToJsonString());
    }

    [Fact]
    public void Process_CopiesDefaults_WhenTheSameDefaultIsAppliedTwice()
    {
        var schema = SchemaTestData.SpecSchema("""{"type":"object","properties":{"opts":{"type":"object","default":{"a":[1]},"properties":{"a":{"type":"array","items":{"type":"integer"}}}}}}""");
        var first = SchemaTestData.Resource("{}");
        var second = SchemaTestData.Resource("{}");
        SchemaProcessor.Process(first, schema);
        SchemaProcessor.Process(second, schema);

        first["spec"]!["opts"]!["a"]!.AsArray().Add(2);

        Assert.Equal("""{"a":[1]}""", second["spec"]!["opts"]!.ToJsonString());
        Assert.Equal("""{"a":[1]}""", schema.Properties["spec"].Properties["opts"].Default!.ToJsonString());
    }
}
