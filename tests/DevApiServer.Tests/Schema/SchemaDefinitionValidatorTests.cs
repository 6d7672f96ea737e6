using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Schema;

namespace KubeBind.DevApiServer.Tests.Schema;

public sealed class SchemaDefinitionValidatorTests
{
    private const string P = SchemaTestData.DefinitionPath;

    [Theory]
    [InlineData("crd-cowboys.schema.json")]
    [InlineData("crd-sheriffs.schema.json")]
    public void ValidateDefinition_ReturnsNoErrors_WhenSchemaIsAnExampleCrd(string file)
    {
        var errors = StructuralSchema.ValidateDefinition(SchemaTestData.Load(file), P);

        Assert.Empty(errors);
    }

    public static TheoryData<string, string[]> BrokenCases => new()
    {
        { """{"type":"object","properties":{"spec":{"properties":{"a":{"type":"string"}}}}}""", [$"{P}.properties[spec].type: Required value: must not be empty for specified object fields"] },
        { """{"properties":{"spec":{"type":"object"}}}""", [$"{P}.type: Required value: must not be empty at the root"] },
        { """{"type":"object","properties":{"l":{"type":"array"}}}""", [$"{P}.properties[l].items: Required value: must be specified"] },
        { """{"type":"object","properties":{"l":{"type":"array","items":{}}}}""", [$"{P}.properties[l].items.type: Required value: must not be empty for specified array items"] },
        {
            """{"type":"object","properties":{"l":{"type":"array","x-kubernetes-list-type":"map","items":{"type":"object","properties":{"name":{"type":"string"}}}}}}""",
            [$"{P}.properties[l].x-kubernetes-list-map-keys: Required value: must not be empty if x-kubernetes-list-type is map"]
        },
        {
            """{"type":"object","properties":{"l":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],"items":{"type":"object","properties":{"name":{"type":"string"}}}}}}""",
            [$"{P}.properties[l].items.properties[name].default: Required value: this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property"]
        },
        {
            """{"type":"object","properties":{"l":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["id"],"items":{"type":"object","properties":{"name":{"type":"string"}}}}}}""",
            [$"{P}.properties[l].x-kubernetes-list-map-keys: Invalid value: []string{{\"id\"}}: entries must all be names of item properties"]
        },
        { """{"type":"object","properties":{"s":{"type":"string","enum":["a",1]}}}""", [$"{P}.properties[s].enum[1]: Invalid value: 1: must be of type string"] },
        { """{"type":"object","properties":{"n":{"type":"integer","default":"x"}}}""", [$"{P}.properties[n].default: Invalid value: \"string\":  in body must be of type integer: \"string\""] },
        {
            """{"type":"object","properties":{"o":{"type":"object","properties":{"a":{"type":"integer","minimum":2}},"default":{"a":1}}}}""",
            [$"{P}.properties[o].default.a: Invalid value: 1: a in body should be greater than or equal to 2"]
        },
        {
            """{"type":"object","properties":{"o":{"type":"object","properties":{"a":{"type":"string"}},"default":{"b":1}}}}""",
            [$"{P}.properties[o].default: Invalid value: map[string]interface {{}}{{\"b\":1}}: must not have unknown fields"]
        },
        { """{"type":"object","properties":{"metadata":{"type":"object","default":{}}}}""", [$"{P}.properties[metadata].default: Forbidden: must not be set in top-level metadata"] },
        {
            """{"type":"object","properties":{"metadata":{"type":"object","properties":{"labels":{"type":"object"}}}}}""",
            [$"{P}.properties[metadata]: Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified"]
        },
        { """{"type":"object","properties":{"l":{"type":"array","uniqueItems":true,"items":{"type":"string"}}}}""", [$"{P}.properties[l].uniqueItems: Forbidden: uniqueItems cannot be set to true since the runtime complexity becomes quadratic"] },
        {
            """{"type":"object","properties":{"m":{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":{"type":"string"}}}}""",
            [$"{P}.properties[m].additionalProperties: Forbidden: additionalProperties and properties are mutual exclusive"]
        },
        { """{"type":"object","additionalProperties":{"type":"string"}}""", [$"{P}.additionalProperties: Forbidden: must not be used at the root"] },
        { """{"type":"object","properties":{"s":{"type":"string","anyOf":[{"type":"string"}]}}}""", [$"{P}.properties[s].anyOf[0].type: Forbidden: must be empty to be structural"] },
        { """{"type":"object","properties":{"s":{"type":"object","x-kubernetes-preserve-unknown-fields":false}}}""", [$"{P}.properties[s].x-kubernetes-preserve-unknown-fields: Invalid value: false: must be true or undefined"] },
        {
            """{"type":"object","properties":{"s":{"type":"strin"}}}""",
            [$"{P}.properties[s].type: Unsupported value: \"strin\": supported values: \"array\", \"boolean\", \"integer\", \"number\", \"object\", \"string\""]
        },
        { """{"type":5}""", [$"{P}.type: Invalid value: 5: must be a string"] },
        { """{"type":"object","properties":{"a":{"type":"string"}},"anyOf":[{"properties":{"x":{"minLength":1}}}]}""", [$"{P}.properties[x]: Required value: because it is defined in {P}.anyOf[0].properties[x]"] },
        {
            """{"type":"object","properties":{"t":{"type":"object","x-kubernetes-embedded-resource":true}}}""",
            [$"{P}.properties[t].properties: Required value: must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields"]
        },
        { """{"type":"string"}""", [$"{P}.type: Invalid value: \"string\": must be object at the root"] },
    };

    [Theory]
    [MemberData(nameof(BrokenCases))]
    public void ValidateDefinition_ReportsProblem_WhenSchemaIsBroken(string schema, string[] expected)
    {
        var errors = StructuralSchema.ValidateDefinition(JsonNode.Parse(schema)!, P);

        Assert.Equal(expected, errors.Select(e => e.ToString()));
    }

    public static TheoryData<string> ValidCases => new()
    {
        """{"type":"object","properties":{"port":{"x-kubernetes-int-or-string":true,"anyOf":[{"type":"integer"},{"type":"string"}]}}}""",
        """{"type":"object","properties":{"port":{"x-kubernetes-int-or-string":true,"allOf":[{"anyOf":[{"type":"integer"},{"type":"string"}]},{"pattern":"^[0-9]+$"}]}}}""",
        """{"type":"object","properties":{"metadata":{"type":"object","properties":{"name":{"type":"string","maxLength":10}}}}}""",
        """{"type":"object","properties":{"free":{"x-kubernetes-preserve-unknown-fields":true}}}""",
        """{"type":"object","properties":{"l":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],"items":{"type":"object","required":["name"],"properties":{"name":{"type":"string"}}}}}}""",
        """{"type":"object","properties":{"o":{"type":"object","default":{"a":1},"properties":{"a":{"type":"integer"}}}}}""",
        """{"type":"object","properties":{"s":{"type":"string","x-kubernetes-validations":[{"rule":"self.size() > 1"}]}}}""",
        """{"type":"object","properties":{"t":{"type":"object","x-kubernetes-embedded-resource":true,"x-kubernetes-preserve-unknown-fields":true}}}""",
    };

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void ValidateDefinition_ReturnsNoErrors_WhenSchemaIsStructural(string schema)
    {
        var errors = StructuralSchema.ValidateDefinition(JsonNode.Parse(schema)!, P);

        Assert.Empty(errors);
    }

    [Fact]
    public void ValidateDefinition_ReportsInvalidPattern_WhenPatternDoesNotCompile()
    {
        var errors = StructuralSchema.ValidateDefinition(JsonNode.Parse("""{"type":"object","properties":{"s":{"type":"string","pattern":"("}}}""")!, P);

        var error = Assert.Single(errors);
        Assert.Equal($"{P}.properties[s].pattern", error.Field);
        Assert.StartsWith("Invalid value: \"(\": must be a valid regular expression, but isn't: error parsing regexp:", error.Message, StringComparison.Ordinal);
    }
}
