using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Schema;

namespace KubeBind.DevApiServer.Tests.Schema;

public sealed class StructuralSchemaTests
{
    public static TheoryData<string> NonsenseCases => new()
    {
        "[]",
        "\"object\"",
        """{"type":5}""",
        """{"type":"object","properties":[]}""",
        """{"type":"object","properties":{"a":"string"}}""",
        """{"type":"object","required":"a"}""",
        """{"type":"array","items":[{"type":"string"}]}""",
        """{"type":"string","maxLength":"3"}""",
        """{"type":"string","maxLength":1.5}""",
        """{"type":"object","additionalProperties":"yes"}""",
        """{"type":"object","allOf":{}}""",
    };

    [Theory]
    [MemberData(nameof(NonsenseCases))]
    public void Parse_ThrowsSchemaFormatException_WhenSchemaIsNonsense(string schema)
    {
        var node = JsonNode.Parse(schema)!;

        var exception = Record.Exception(() => StructuralSchema.Parse(node));

        Assert.IsType<SchemaFormatException>(exception);
    }

    [Fact]
    public void Parse_ReadsNodesAndPrecompilesPatterns_WhenSchemaIsValid()
    {
        var node = JsonNode.Parse("""{"type":"object","properties":{"s":{"type":"string","pattern":"^a+$","format":"date-time","default":"aa"},"p":{"x-kubernetes-int-or-string":true},"n":{"type":"integer","format":"int32"}}}""")!;

        var schema = StructuralSchema.Parse(node);

        var s = schema.Properties["s"];
        Assert.NotNull(s.PatternRegex);
        Assert.Equal("datetime", s.SupportedFormat);
        Assert.Equal("\"aa\"", s.Default!.ToJsonString());
        Assert.Equal(["integer", "string"], schema.Properties["p"].Types);
        Assert.Null(schema.Properties["n"].SupportedFormat);
        Assert.Equal(["s", "p", "n"], schema.OrderedProperties.Select(p => p.Key));
    }
}
