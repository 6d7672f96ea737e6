using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Schema;

namespace KubeBind.DevApiServer.Tests.Schema;

public sealed class SchemaProcessorTests
{
    public static TheoryData<string, string> ExampleCases => new()
    {
        { "crd-cowboys.schema.json", "cr-cowboy.json" },
        { "crd-sheriffs.schema.json", "cr-sheriff.json" },
    };

    [Theory]
    [MemberData(nameof(ExampleCases))]
    public void Process_AcceptsExampleResource_WhenItMatchesItsCrd(string schemaFile, string resourceFile)
    {
        var schema = StructuralSchema.Parse(SchemaTestData.Load(schemaFile));
        var resource = SchemaTestData.Load(resourceFile).AsObject();
        var original = resource.DeepClone();

        var result = SchemaProcessor.Process(resource, schema);

        Assert.Empty(result.Errors);
        Assert.Empty(result.UnknownFields);
        Assert.True(JsonNode.DeepEquals(original, resource));
    }

    public static TheoryData<string, string, Action<JsonObject>, string[], string[]> BrokenExampleCases => new()
    {
        {
            "crd-cowboys.schema.json", "cr-cowboy.json",
            r => r["spec"]!["secretRefs"]![0]!.AsObject().Remove("name"),
            ["spec.secretRefs[0].name: Required value"], []
        },
        {
            "crd-cowboys.schema.json", "cr-cowboy.json",
            r => r["spec"]!["intent"] = 42,
            ["spec.intent: Invalid value: \"integer\": spec.intent in body must be of type string: \"integer\""], []
        },
        {
            "crd-cowboys.schema.json", "cr-cowboy.json",
            r => r["spec"]!["secretRefs"]![0]!["namespace"] = "wild-west",
            [], ["spec.secretRefs[0].namespace"]
        },
        {
            "crd-sheriffs.schema.json", "cr-sheriff.json",
            r => r["spec"]!["secretRefs"] = new JsonObject { ["name"] = "x" },
            ["spec.secretRefs: Invalid value: \"object\": spec.secretRefs in body must be of type array: \"object\""], ["spec.secretRefs.name"]
        },
        {
            "crd-sheriffs.schema.json", "cr-sheriff.json",
            r => r["status"]!["phase"] = "Riding",
            [], ["status.phase"]
        },
    };

    [Theory]
    [MemberData(nameof(BrokenExampleCases))]
    public void Process_ReportsProblems_WhenExampleResourceIsBroken(string schemaFile, string resourceFile, Action<JsonObject> breakIt, string[] expectedErrors, string[] expectedUnknown)
    {
        var schema = StructuralSchema.Parse(SchemaTestData.Load(schemaFile));
        var resource = SchemaTestData.Load(resourceFile).AsObject();
        breakIt(resource);

        var result = SchemaProcessor.Process(resource, schema);

        Assert.Equal(expectedErrors, result.Errors.Select(e => e.ToString()));
        Assert.Equal(expectedUnknown, result.UnknownFields);
    }

    [Fact]
    public void Process_ValidatesMetadataName_WhenSchemaConstrainsIt()
    {
        var schema = StructuralSchema.Parse(JsonNode.Parse("""{"type":"object","properties":{"metadata":{"type":"object","properties":{"name":{"type":"string","maxLength":5,"pattern":"^[a-z]+$"}}}}}""")!);
        var resource = JsonNode.Parse("""{"apiVersion":"a/v1","kind":"A","metadata":{"name":"toolongname"}}""")!.AsObject();

        var result = SchemaProcessor.Process(resource, schema);

        Assert.Equal(["metadata.name: Too long: value is too long"], result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Process_DoesNotThrow_WhenPreservedDataIsNestedVeryDeeply()
    {
        var resource = SchemaTestData.Resource("{}");
        resource["spec"] = Nest(20_000);
        var schema = SchemaTestData.SpecSchema("""{"type":"object","x-kubernetes-preserve-unknown-fields":true}""");

        var result = SchemaProcessor.Process(resource, schema);

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Process_DoesNotThrow_WhenUntypedArraysAreNestedVeryDeeply()
    {
        var resource = SchemaTestData.Resource("{}");
        JsonNode nested = new JsonArray();
        for (var i = 0; i < 20_000; i++)
        {
            nested = new JsonArray(nested);
        }

        resource["spec"] = new JsonObject { ["l"] = nested };
        var schema = SchemaTestData.SpecSchema("""{"type":"object","properties":{"l":{"type":"array"}}}""");

        var result = SchemaProcessor.Process(resource, schema);

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Process_ReportsDepthError_WhenSchemaAndDataAreDeeperThanTheCap()
    {
        JsonNode specSchema = new JsonObject { ["type"] = "string" };
        for (var i = 0; i < 150; i++)
        {
            specSchema = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["a"] = specSchema } };
        }

        var root = SchemaTestData.RootSchemaJson("{}");
        root["properties"]!["spec"] = specSchema;
        var schema = StructuralSchema.Parse(root);
        var resource = SchemaTestData.Resource("{}");
        resource["spec"] = Nest(200);

        var result = SchemaProcessor.Process(resource, schema);

        var error = Assert.Single(result.Errors);
        Assert.Equal(SchemaFieldError.ReasonInvalid, error.Reason);
        Assert.StartsWith("spec.a.a.a", error.Field, StringComparison.Ordinal);
        Assert.Contains("nested deeper than 100 levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_ReturnsSameOutcome_WhenSchemaIsReusedForManyObjects()
    {
        var schema = StructuralSchema.Parse(SchemaTestData.Load("crd-cowboys.schema.json"));
        var template = SchemaTestData.Load("cr-cowboy.json").AsObject();

        var outcomes = Enumerable.Range(0, 200)
            .AsParallel()
            .Select(_ => SchemaProcessor.Process(template.DeepClone().AsObject(), schema).Errors.Count)
            .ToArray();

        Assert.All(outcomes, count => Assert.Equal(0, count));
    }

    private static JsonObject Nest(int depth)
    {
        var root = new JsonObject();
        var current = root;
        for (var i = 0; i < depth; i++)
        {
            var child = new JsonObject();
            current["a"] = child;
            current = child;
        }

        return root;
    }
}
