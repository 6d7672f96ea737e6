namespace KubeBind.DevApiServer.Tests.Schema;

public sealed class StructuralInvariantValidatorTests
{
    public static TheoryData<string, string, string[]> ListCases => new()
    {
        { """{"type":"array","x-kubernetes-list-type":"set","items":{"type":"string"}}""", """["a","b","a"]""", ["spec.l[2]: Duplicate value: \"a\""] },
        { """{"type":"array","x-kubernetes-list-type":"set","items":{"type":"integer"}}""", "[1,1,1]", ["spec.l[1]: Duplicate value: 1"] },
        { """{"type":"array","x-kubernetes-list-type":"set","items":{"type":"number"}}""", "[1,1.0]", [] },
        { """{"type":"array","x-kubernetes-list-type":"atomic","items":{"type":"string"}}""", """["a","a"]""", [] },
        {
            """{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],"items":{"type":"object","required":["name"],"properties":{"name":{"type":"string"},"v":{"type":"integer"}}}}""",
            """[{"name":"a","v":1},{"name":"b","v":1},{"name":"a","v":2}]""",
            ["spec.l[2]: Duplicate value: map[string]interface {}{\"name\":\"a\"}"]
        },
        {
            """{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name","protocol"],"items":{"type":"object","required":["name","protocol"],"properties":{"name":{"type":"string"},"protocol":{"type":"string"}}}}""",
            """[{"name":"a","protocol":"TCP"},{"name":"a","protocol":"UDP"},{"name":"a","protocol":"TCP"}]""",
            ["spec.l[2]: Duplicate value: map[string]interface {}{\"name\":\"a\", \"protocol\":\"TCP\"}"]
        },
        {
            """{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],"items":{"type":"object","properties":{"name":{"type":"string","default":"x"}}}}""",
            "[{},{}]",
            ["spec.l[1]: Duplicate value: map[string]interface {}{\"name\":\"x\"}"]
        },
        {
            """{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],"items":{"type":"object","properties":{"name":{"type":"string","default":"x"}}}}""",
            """["x"]""",
            ["spec.l[0]: Invalid value: \"string\": spec.l[0] in body must be of type object: \"string\"", "spec.l[0]: Invalid value: \"x\": must be an object for an array of list-type map"]
        },
    };

    [Theory]
    [MemberData(nameof(ListCases))]
    public void Process_ReportsDuplicates_WhenListIsSetOrMap(string listSchema, string list, string[] expected)
    {
        var errors = SchemaTestData.Errors($$$"""{"type":"object","properties":{"l":{{{listSchema}}}}}""", $$$"""{"l":{{{list}}}}""");

        Assert.Equal(expected, errors);
    }

    [Fact]
    public void Process_UsesKeyPaths_WhenDuplicateListSitsUnderAdditionalProperties()
    {
        const string schema = """{"type":"object","properties":{"groups":{"type":"object","additionalProperties":{"type":"array","x-kubernetes-list-type":"set","items":{"type":"string"}}}}}""";

        var errors = SchemaTestData.Errors(schema, """{"groups":{"g":["a","a"]}}""");

        Assert.Equal(["spec.groups[g][1]: Duplicate value: \"a\""], errors);
    }

    public static TheoryData<string, string[]> EmbeddedCases => new()
    {
        { """{"apiVersion":"v1","kind":"Pod"}""", [] },
        { """{"apiVersion":"v1"}""", ["spec.template.kind: Required value: must not be empty"] },
        { """{"kind":"Pod","apiVersion":""}""", ["spec.template.apiVersion: Invalid value: \"\": must not be empty"] },
        { """{"apiVersion":"a/b/c","kind":"Pod"}""", ["spec.template.apiVersion: Invalid value: \"a/b/c\": unexpected GroupVersion string: a/b/c"] },
        {
            """{"apiVersion":"v1","kind":"Bad_Kind"}""",
            ["spec.template.kind: Invalid value: \"Bad_Kind\": may have mixed case, but should otherwise match: a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"]
        },
    };

    [Theory]
    [MemberData(nameof(EmbeddedCases))]
    public void Process_ChecksEmbeddedTypeMeta_WhenFieldIsEmbeddedResource(string template, string[] expected)
    {
        const string schema = """{"type":"object","properties":{"template":{"type":"object","x-kubernetes-embedded-resource":true,"x-kubernetes-preserve-unknown-fields":true}}}""";

        var errors = SchemaTestData.Errors(schema, $$$"""{"template":{{{template}}}}""");

        Assert.Equal(expected, errors);
    }
}
