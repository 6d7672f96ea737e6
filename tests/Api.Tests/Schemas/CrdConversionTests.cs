using System.Text.Json;
using System.Text.Json.Nodes;
using KubeBind.Api.Schemas;
using KubeBind.Api.V1Alpha2;

namespace KubeBind.Api.Tests.Schemas;

public sealed class CrdConversionTests
{
    public static TheoryData<string> Crds => TestCrds.All;

    public static TheoryData<string> UnparsableSchemas { get; } = new("\"text\"", "42", "[]", "true", """{"openAPIV3Schema":"text"}""");

    [Theory]
    [MemberData(nameof(Crds))]
    public void ToBoundSchema_CopiesSpecAsWritten_WhenShapeIsWrapped(string file)
    {
        var crd = TestCrds.Load(file);
        var expected = crd["spec"]!.DeepClone().AsObject();
        expected["informerScope"] = expected["scope"]!.DeepClone();

        var boundSchema = CrdConversion.ToBoundSchema(crd);

        var json = Json(boundSchema);
        Assert.Equal(crd["metadata"]!["name"]!.GetValue<string>(), boundSchema.Metadata.Name);
        Assert.True(JsonNode.DeepEquals(expected, json["spec"]), $"expected\n{expected.ToJsonString()}\ngot\n{json["spec"]!.ToJsonString()}");
    }

    [Fact]
    public void ToBoundSchemaSpec_DropsFieldsBoundSchemasLack_WhenCrdHasThem()
    {
        var crd = TestCrds.Load("crd-widgets.json");
        crd["spec"]!["preserveUnknownFields"] = false;
        TestCrds.Versions(crd)[1]!["selectableFields"] = new JsonArray(new JsonObject { ["jsonPath"] = ".spec.size" });
        crd["spec"]!["conversion"] = JsonNode.Parse(
            """{"strategy":"Webhook","webhook":{"clientConfig":{"service":{"namespace":"w","name":"conv"},"url":"https://conv.example.dev/convert","caBundle":"Y2E="},"conversionReviewVersions":["v1"]}}""");

        var spec = CrdConversion.ToBoundSchemaSpec(crd);

        var json = Json(spec);
        Assert.False(json.AsObject().ContainsKey("preserveUnknownFields"));
        Assert.False(json["versions"]![1]!.AsObject().ContainsKey("selectableFields"));
        Assert.Equal(
            """{"strategy":"Webhook","webhook":{"clientConfig":{"url":"https://conv.example.dev/convert","caBundle":"Y2E="},"conversionReviewVersions":["v1"]}}""",
            json["conversion"]!.ToJsonString());
    }

    [Theory]
    [InlineData(null, "Namespaced")]
    [InlineData(InformerScope.Cluster, InformerScope.Cluster)]
    public void ToBoundSchemaSpec_SetsInformerScope_WhenGivenOrFromCrdScope(string? informerScope, string expected)
    {
        var crd = TestCrds.Load("crd-cowboys.yaml");

        var spec = CrdConversion.ToBoundSchemaSpec(crd, SchemaShape.Wrapped, informerScope);

        Assert.Equal(expected, spec.InformerScope);
        Assert.Equal("Namespaced", spec.Scope);
    }

    [Theory]
    [MemberData(nameof(Crds))]
    public void ToBoundSchemaSpec_StoresBareSchemas_WhenShapeIsBare(string file)
    {
        var crd = TestCrds.Load(file);

        var spec = CrdConversion.ToBoundSchemaSpec(crd, SchemaShape.Bare);

        var versions = Json(spec)["versions"]!.AsArray();
        Assert.Equal(TestCrds.Versions(crd).Count, versions.Count);
        for (var i = 0; i < versions.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(TestCrds.Versions(crd)[i]!["schema"]!["openAPIV3Schema"], versions[i]!["schema"]));
        }
    }

    [Fact]
    public void ToBoundSchemaSpec_Throws_WhenBareCrdHasSeveralVersionsWithoutConversion()
    {
        var crd = TestCrds.Load("crd-widgets.json");
        crd["spec"]!.AsObject().Remove("conversion");

        var error = Assert.Throws<ArgumentException>(() => CrdConversion.ToBoundSchemaSpec(crd, SchemaShape.Bare));

        Assert.Contains("widgets.example.dev", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToBoundSchemaSpec_KeepsSeveralVersions_WhenWrappedCrdHasNoConversion()
    {
        var crd = TestCrds.Load("crd-widgets.json");
        crd["spec"]!.AsObject().Remove("conversion");

        var spec = CrdConversion.ToBoundSchemaSpec(crd, SchemaShape.Wrapped);

        Assert.Equal(2, spec.Versions.Count);
        Assert.Null(spec.Conversion);
    }

    [Theory]
    [InlineData("""{"metadata":{"name":"a.b"}}""")]
    [InlineData("""{"metadata":{"name":"a.b"},"spec":"text"}""")]
    [InlineData("""{"metadata":{"name":"a.b"},"spec":{"versions":"text"}}""")]
    public void ToBoundSchemaSpec_Throws_WhenCrdHasNoUsableSpec(string crd)
    {
        var error = Assert.Throws<ArgumentException>(() => CrdConversion.ToBoundSchemaSpec(JsonNode.Parse(crd)!.AsObject()));

        Assert.Contains("a.b", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Crds))]
    public void ToCustomResourceDefinition_GivesSameCrd_WhenSchemaIsWrappedOrBare(string file)
    {
        var crd = TestCrds.Load(file);
        var wrapped = CrdConversion.ToBoundSchema(crd, SchemaShape.Wrapped);
        var bare = CrdConversion.ToBoundSchema(crd, SchemaShape.Bare);

        var fromWrapped = CrdConversion.ToCustomResourceDefinition(wrapped);
        var fromBare = CrdConversion.ToCustomResourceDefinition(bare);

        Assert.True(JsonNode.DeepEquals(fromWrapped, fromBare), $"wrapped\n{fromWrapped.ToJsonString()}\nbare\n{fromBare.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(Crds))]
    public void ToCustomResourceDefinition_RestoresCrd_WhenCrdRoundTrips(string file)
    {
        var crd = TestCrds.Load(file);

        var roundTripped = CrdConversion.ToCustomResourceDefinition(CrdConversion.ToBoundSchema(crd));

        Assert.Equal("apiextensions.k8s.io/v1", roundTripped["apiVersion"]!.GetValue<string>());
        Assert.Equal("CustomResourceDefinition", roundTripped["kind"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["name"] = crd["metadata"]!["name"]!.DeepClone() }, roundTripped["metadata"]));
        Assert.True(JsonNode.DeepEquals(crd["spec"], roundTripped["spec"]), $"expected\n{crd["spec"]!.ToJsonString()}\ngot\n{roundTripped["spec"]!.ToJsonString()}");
    }

    [Fact]
    public void ToCustomResourceDefinition_CopiesOnlyCrdFields_WhenBoundSchemaHasMore()
    {
        var boundSchema = ApiJson.Deserialize<BoundSchema>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "V1Alpha2", "boundschema.json")))!;

        var crd = CrdConversion.ToCustomResourceDefinition(boundSchema);

        var spec = crd["spec"]!.AsObject();
        Assert.Equal("cowboys.wildwest.dev", crd["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal(["group", "names", "scope", "versions", "conversion"], spec.Select(p => p.Key));
        Assert.Equal(
            """{"strategy":"Webhook","webhook":{"clientConfig":{"url":"https://conv.example/convert","caBundle":"LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg=="},"conversionReviewVersions":["v1"]}}""",
            spec["conversion"]!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(UnparsableSchemas))]
    public void ToCustomResourceDefinition_LeavesOutSchema_WhenSchemaIsUnparsable(string schema)
    {
        var boundSchema = WithOneVersion(new() { Name = "v1", Served = true, Storage = true, Schema = JsonElement.Parse(schema) });

        var crd = CrdConversion.ToCustomResourceDefinition(boundSchema);

        var version = crd["spec"]!["versions"]![0]!.AsObject();
        Assert.Equal("v1", version["name"]!.GetValue<string>());
        Assert.False(version.ContainsKey("schema"));
    }

    [Fact]
    public void ToCustomResourceDefinition_WritesEmptySubresources_WhenVersionHasNone()
    {
        var boundSchema = WithOneVersion(new() { Name = "v1", Served = true, Storage = true });

        var crd = CrdConversion.ToCustomResourceDefinition(boundSchema);

        Assert.Equal("{}", crd["spec"]!["versions"]![0]!["subresources"]!.ToJsonString());
    }

    [Fact]
    public void ToCustomResourceDefinition_AddsControllerReference_WhenBindingIsGiven()
    {
        var boundSchema = CrdConversion.ToBoundSchema(TestCrds.Load("crd-cowboys.yaml"));
        var binding = new ApiServiceBinding { Metadata = new() { Name = "cowboys", Uid = "0b7c2f5e-uid" } };

        var crd = CrdConversion.ToCustomResourceDefinition(boundSchema, binding);

        Assert.Equal(
            """[{"apiVersion":"kube-bind.io/v1alpha2","kind":"APIServiceBinding","name":"cowboys","uid":"0b7c2f5e-uid","controller":true}]""",
            crd["metadata"]!["ownerReferences"]!.ToJsonString());
    }

    [Fact]
    public void ToCustomResourceDefinition_HasNoOwner_WhenNoBindingIsGiven()
    {
        var boundSchema = CrdConversion.ToBoundSchema(TestCrds.Load("crd-cowboys.yaml"));

        var crd = CrdConversion.ToCustomResourceDefinition(boundSchema);

        Assert.False(crd["metadata"]!.AsObject().ContainsKey("ownerReferences"));
    }

    private static BoundSchema WithOneVersion(ApiResourceVersion version) => new()
    {
        Spec = new()
        {
            InformerScope = InformerScope.Namespaced,
            Group = "example.dev",
            Names = new() { Plural = "widgets", Kind = "Widget" },
            Scope = "Namespaced",
            Versions = [version],
        },
    };

    private static JsonNode Json<T>(T value) => JsonNode.Parse(ApiJson.Serialize(value))!;
}
