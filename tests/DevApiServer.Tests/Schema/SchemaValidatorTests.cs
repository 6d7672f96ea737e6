using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Schema;

namespace KubeBind.DevApiServer.Tests.Schema;

public sealed class SchemaValidatorTests
{
    public static TheoryData<string, string, string[]> TypeCases => new()
    {
        { """{"type":"object","properties":{"replicas":{"type":"integer"}}}""", """{"replicas":"string"}""", ["spec.replicas: Invalid value: \"string\": spec.replicas in body must be of type integer: \"string\""] },
        { """{"type":"object","properties":{"replicas":{"type":"integer"}}}""", """{"replicas":1.5}""", ["spec.replicas: Invalid value: \"number\": spec.replicas in body must be of type integer: \"number\""] },
        { """{"type":"object","properties":{"replicas":{"type":"integer"}}}""", """{"replicas":1.0}""", [] },
        { """{"type":"object","properties":{"ratio":{"type":"number"}}}""", """{"ratio":3}""", [] },
        { """{"type":"object","properties":{"flag":{"type":"boolean"}}}""", """{"flag":"true"}""", ["spec.flag: Invalid value: \"string\": spec.flag in body must be of type boolean: \"string\""] },
        { """{"type":"object","properties":{"obj":{"type":"object"}}}""", """{"obj":[]}""", ["spec.obj: Invalid value: \"array\": spec.obj in body must be of type object: \"array\""] },
        { """{"type":"object","properties":{"list":{"type":"array","items":{"type":"string"}}}}""", """{"list":{}}""", ["spec.list: Invalid value: \"object\": spec.list in body must be of type array: \"object\""] },
        { """{"type":"object","properties":{"name":{"type":"string"}}}""", """{"name":5}""", ["spec.name: Invalid value: \"integer\": spec.name in body must be of type string: \"integer\""] },
        { """{"type":"object","properties":{"port":{"x-kubernetes-int-or-string":true}}}""", """{"port":true}""", ["spec.port: Invalid value: \"boolean\": spec.port in body must be of type integer,string: \"boolean\""] },
        { """{"type":"object","properties":{"a":{"x-kubernetes-int-or-string":true},"b":{"x-kubernetes-int-or-string":true}}}""", """{"a":80,"b":"http"}""", [] },
        { """{"type":"object","properties":{"at":{"type":"string","format":"date-time"}}}""", """{"at":5}""", ["spec.at: Invalid value: \"int64\": spec.at in body must be of type date-time: \"int64\""] },
        { """{"type":"object","properties":{"s":{"type":"string","format":"int32"}}}""", """{"s":"abc"}""", [] },
        { """{"type":"object","properties":{"n":{"type":"integer","format":"int32"}}}""", """{"n":3000000000}""", [] },
        { """{"type":"object","properties":{"n":{"type":"integer"}}}""", """{"n":1e400}""", ["spec.n: Invalid value: \"number\": spec.n in body must be of type integer: \"number\""] },
        { """{"type":"object","properties":{"n":{"type":"integer"}}}""", """{"n":99999999999999999999}""", ["spec.n: Invalid value: \"number\": spec.n in body must be of type integer: \"number\""] },
        { """{"type":"object","properties":{"n":{"type":"integer"}}}""", """{"n":"5"}""", ["spec.n: Invalid value: \"string\": spec.n in body must be of type integer: \"string\""] },
    };

    [Theory]
    [MemberData(nameof(TypeCases))]
    public void Process_ReportsTypeErrors_WhenValueHasWrongType(string specSchema, string spec, string[] expected)
    {
        var errors = SchemaTestData.Errors(specSchema, spec);

        Assert.Equal(expected, errors);
    }

    public static TheoryData<string, string, string[]> RequiredCases => new()
    {
        { """{"type":"object","required":["name"],"properties":{"name":{"type":"string"}}}""", "{}", ["spec.name: Required value"] },
        {
            """{"type":"object","properties":{"items":{"type":"array","items":{"type":"object","required":["name"],"properties":{"name":{"type":"string"}}}}}}""",
            """{"items":[{"name":"a"},{}]}""",
            ["spec.items[1].name: Required value"]
        },
        { """{"type":"object","required":["a","b"],"properties":{"a":{"type":"string"},"b":{"type":"string"}}}""", """{"b":"x"}""", ["spec.a: Required value"] },
    };

    [Theory]
    [MemberData(nameof(RequiredCases))]
    public void Process_ReportsRequiredValue_WhenRequiredFieldIsMissing(string specSchema, string spec, string[] expected)
    {
        var errors = SchemaTestData.Errors(specSchema, spec);

        Assert.Equal(expected, errors);
    }

    [Fact]
    public void Process_ReportsRequiredSpec_WhenRootRequiresIt()
    {
        var schema = StructuralSchema.Parse(JsonNode.Parse("""{"type":"object","required":["spec"],"properties":{"spec":{"type":"object"}}}""")!);
        var resource = JsonNode.Parse("""{"apiVersion":"a/v1","kind":"A","metadata":{"name":"x"}}""")!.AsObject();

        var result = SchemaProcessor.Process(resource, schema);

        var error = Assert.Single(result.Errors);
        Assert.Equal(new SchemaFieldError(SchemaFieldError.ReasonRequired, "spec", "Required value"), error);
    }

    public static TheoryData<string, string, string[]> EnumCases => new()
    {
        { """{"type":"object","properties":{"color":{"type":"string","enum":["red","green"]}}}""", """{"color":"pink"}""", ["spec.color: Unsupported value: \"pink\": supported values: \"red\", \"green\""] },
        { """{"type":"object","properties":{"color":{"type":"string","enum":["red","green"]}}}""", """{"color":"red"}""", [] },
        { """{"type":"object","properties":{"size":{"type":"integer","enum":[1,2]}}}""", """{"size":3}""", ["spec.size: Unsupported value: 3: supported values: \"1\", \"2\""] },
        { """{"type":"object","properties":{"size":{"type":"integer","enum":[1,2]}}}""", """{"size":2}""", [] },
        { """{"type":"object","properties":{"size":{"type":"number","enum":[1]}}}""", """{"size":1.0}""", [] },
        { """{"type":"object","properties":{"color":{"type":"string","nullable":true,"enum":["a"]}}}""", """{"color":null}""", ["spec.color: Unsupported value: \"null\": supported values: \"a\""] },
        { """{"type":"object","properties":{"o":{"type":"object","x-kubernetes-preserve-unknown-fields":true,"enum":[{"a":1}]}}}""", """{"o":{"a":2}}""", ["spec.o: Unsupported value: map[string]interface {}{\"a\":2}: supported values: \"{\\\"a\\\":1}\""] },
    };

    [Theory]
    [MemberData(nameof(EnumCases))]
    public void Process_ReportsUnsupportedValue_WhenValueIsNotInEnum(string specSchema, string spec, string[] expected)
    {
        var errors = SchemaTestData.Errors(specSchema, spec);

        Assert.Equal(expected, errors);
    }

    public static TheoryData<string, string, string[]> NumberCases => new()
    {
        { """{"type":"integer","maximum":10}""", "11", ["spec.n: Invalid value: 11: spec.n in body should be less than or equal to 10"] },
        { """{"type":"integer","maximum":10}""", "10", [] },
        { """{"type":"integer","maximum":10,"exclusiveMaximum":true}""", "10", ["spec.n: Invalid value: 10: spec.n in body should be less than 10"] },
        { """{"type":"integer","minimum":1}""", "0", ["spec.n: Invalid value: 0: spec.n in body should be greater than or equal to 1"] },
        { """{"type":"integer","minimum":1,"exclusiveMinimum":true}""", "1", ["spec.n: Invalid value: 1: spec.n in body should be greater than 1"] },
        { """{"type":"number","maximum":1.5}""", "2.5", ["spec.n: Invalid value: 2.5: spec.n in body should be less than or equal to 1.5"] },
        { """{"type":"number","maximum":1000000}""", "1500000.5", ["spec.n: Invalid value: 1.5000005e+06: spec.n in body should be less than or equal to 1e+06"] },
        { """{"type":"integer","multipleOf":5}""", "7", ["spec.n: Invalid value: 7: spec.n in body should be a multiple of 5"] },
        { """{"type":"integer","multipleOf":5}""", "15", [] },
        { """{"type":"number","multipleOf":0.5}""", "1.25", ["spec.n: Invalid value: 1.25: spec.n in body should be a multiple of 0.5"] },
        { """{"type":"number","multipleOf":0.5}""", "1.5", [] },
        { """{"type":"number","maximum":10}""", "1e400", ["spec.n: Invalid value: +Inf: spec.n in body should be less than or equal to 10"] },
    };

    [Theory]
    [MemberData(nameof(NumberCases))]
    public void Process_ChecksNumericBounds_WhenSchemaHasLimits(string numberSchema, string value, string[] expected)
    {
        var errors = SchemaTestData.Errors($$$"""{"type":"object","properties":{"n":{{{numberSchema}}}}}""", $$$"""{"n":{{{value}}}}""");

        Assert.Equal(expected, errors);
    }

    public static TheoryData<string, string, string[]> StringCases => new()
    {
        { """{"type":"string","maxLength":3}""", "\"abcd\"", ["spec.s: Too long: value is too long"] },
        { """{"type":"string","maxLength":3}""", "\"äöü\"", [] },
        { """{"type":"string","maxLength":1}""", "\"😀\"", [] },
        { """{"type":"string","minLength":3}""", "\"ab\"", ["spec.s: Invalid value: \"ab\": spec.s in body should be at least 3 chars long"] },
        { """{"type":"string","pattern":"^[a-z]+$"}""", "\"abc1\"", ["spec.s: Invalid value: \"abc1\": spec.s in body should match '^[a-z]+$'"] },
        { """{"type":"string","pattern":"^[a-z]+$"}""", "\"abc\"", [] },
        { """{"type":"string","pattern":"^[a-z]+$"}""", "\"abc\\n\"", ["spec.s: Invalid value: \"abc\\n\": spec.s in body should match '^[a-z]+$'"] },
        { """{"type":"string","pattern":"^\\d+$"}""", "\"\u0663\"", ["spec.s: Invalid value: \"\u0663\": spec.s in body should match '^\\d+$'"] },
        { """{"type":"string","minLength":3,"pattern":"^[0-9]+$"}""", "\"ab\"", ["spec.s: Invalid value: \"ab\": spec.s in body should be at least 3 chars long"] },
    };

    [Theory]
    [MemberData(nameof(StringCases))]
    public void Process_ChecksStringConstraints_WhenSchemaHasThem(string stringSchema, string value, string[] expected)
    {
        var errors = SchemaTestData.Errors($$$"""{"type":"object","properties":{"s":{{{stringSchema}}}}}""", $$$"""{"s":{{{value}}}}""");

        Assert.Equal(expected, errors);
    }

    public static TheoryData<string, string, string[]> CollectionCases => new()
    {
        { """{"type":"object","properties":{"l":{"type":"array","maxItems":2,"items":{"type":"integer"}}}}""", """{"l":[1,2,3]}""", ["spec.l: Too many: 3: has too many items"] },
        { """{"type":"object","properties":{"l":{"type":"array","minItems":2,"items":{"type":"integer"}}}}""", """{"l":[1]}""", ["spec.l: Invalid value: 1: spec.l in body should have at least 2 items"] },
        { """{"type":"object","properties":{"m":{"type":"object","maxProperties":1,"additionalProperties":{"type":"string"}}}}""", """{"m":{"a":"1","b":"2"}}""", ["spec.m: Too many: 1: has too many items"] },
        { """{"type":"object","properties":{"m":{"type":"object","minProperties":2,"additionalProperties":{"type":"string"}}}}""", """{"m":{"a":"1"}}""", ["spec.m: Invalid value: 2: spec.m in body should have at least 2 properties"] },
        { """{"type":"object","properties":{"labels":{"type":"object","additionalProperties":{"type":"string"}}}}""", """{"labels":{"app":1}}""", ["spec.labels.app: Invalid value: \"integer\": spec.labels.app in body must be of type string: \"integer\""] },
        { """{"type":"object","properties":{"m":{"type":"object","additionalProperties":false}}}""", """{"m":{"x":"1"}}""", ["spec.m: Invalid value: \"x\": spec.m.x in body is a forbidden property"] },
        { """{"type":"object","properties":{"l":{"type":"array","items":{"type":"string"}}}}""", """{"l":[null]}""", ["spec.l[0]: Invalid value: \"null\": spec.l[0] in body must be of type string: \"null\""] },
    };

    [Theory]
    [MemberData(nameof(CollectionCases))]
    public void Process_ChecksArraysAndMaps_WhenSchemaHasLimits(string specSchema, string spec, string[] expected)
    {
        var errors = SchemaTestData.Errors(specSchema, spec);

        Assert.Equal(expected, errors);
    }

    public static TheoryData<string, string, string[]> JunctorCases => new()
    {
        {
            """{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string"}},"anyOf":[{"required":["a"]},{"required":["b"]}]}""",
            "{}",
            [": Invalid value: \"\": \"spec\" must validate at least one schema (anyOf)", "spec.a: Required value"]
        },
        { """{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string"}},"anyOf":[{"required":["a"]},{"required":["b"]}]}""", """{"b":"x"}""", [] },
        {
            """{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string"}},"oneOf":[{"required":["a"]},{"required":["b"]}]}""",
            """{"a":"x","b":"y"}""",
            [": Invalid value: \"\": \"spec\" must validate one and only one schema (oneOf). Found 2 valid alternatives"]
        },
        {
            """{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string"}},"oneOf":[{"required":["a"]},{"required":["b"]}]}""",
            "{}",
            [": Invalid value: \"\": \"spec\" must validate one and only one schema (oneOf). Found none valid", "spec.a: Required value"]
        },
        { """{"type":"object","properties":{"a":{"type":"string"}},"not":{"required":["a"]}}""", """{"a":"x"}""", [": Invalid value: \"\": \"spec\" must not validate the schema (not)"] },
        {
            """{"type":"object","properties":{"n":{"type":"integer"}},"allOf":[{"properties":{"n":{"minimum":5}}}]}""",
            """{"n":1}""",
            ["spec.n: Invalid value: 1: spec.n in body should be greater than or equal to 5", ": Invalid value: \"\": \"spec\" must validate all the schemas (allOf). None validated"]
        },
    };

    [Theory]
    [MemberData(nameof(JunctorCases))]
    public void Process_EvaluatesJunctors_WhenSchemaHasValueValidations(string specSchema, string spec, string[] expected)
    {
        var errors = SchemaTestData.Errors(specSchema, spec);

        Assert.Equal(expected, errors);
    }

    [Fact]
    public void Process_KeepsNull_WhenFieldIsNullable()
    {
        var resource = SchemaTestData.Resource("""{"s":null}""");

        var result = SchemaProcessor.Process(resource, SchemaTestData.SpecSchema("""{"type":"object","properties":{"s":{"type":"string","nullable":true}}}"""));

        Assert.Empty(result.Errors);
        Assert.True(resource["spec"]!.AsObject().ContainsKey("s"));
        Assert.Null(resource["spec"]!["s"]);
    }

    [Fact]
    public void Process_ReportsCauseReasons_WhenErrorsHaveDifferentKinds()
    {
        var resource = SchemaTestData.Resource("""{"a":"x","b":"toolong","c":["x","x"]}""");
        var schema = SchemaTestData.SpecSchema("""{"type":"object","required":["d"],"properties":{"a":{"type":"integer"},"b":{"type":"string","maxLength":2},"c":{"type":"array","x-kubernetes-list-type":"set","items":{"type":"string"}},"d":{"type":"string"}}}""");

        var result = SchemaProcessor.Process(resource, schema);

        Assert.Equal(
            [SchemaFieldError.ReasonTypeInvalid, SchemaFieldError.ReasonTooLong, SchemaFieldError.ReasonRequired, SchemaFieldError.ReasonDuplicate],
            result.Errors.Select(e => e.Reason));
    }
}
