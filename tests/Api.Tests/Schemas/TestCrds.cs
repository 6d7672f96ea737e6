using System.Text.Json.Nodes;
using KubeBind.Api.Tests.V1Alpha2;
using KubeBind.Testing;

namespace KubeBind.Api.Tests.Schemas;

/// <summary>The CRDs the schema tests convert: upstream's examples and a multi-version one from TestData.</summary>
internal static class TestCrds
{
    public static TheoryData<string> All { get; } = new("crd-cowboys.yaml", "crd-sheriffs.yaml", "crd-widgets.json");

    /// <summary>Reads a CRD; <c>.yaml</c> files come from the upstream examples, <c>.json</c> ones from TestData.</summary>
    public static JsonObject Load(string file) => file.EndsWith(".yaml", StringComparison.Ordinal)
        ? YamlJson.Documents(ReferenceData.Read("examples", file)).Single()!.AsObject()
        : JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Schemas", file)))!.AsObject();

    public static JsonArray Versions(JsonObject crd) => crd["spec"]!["versions"]!.AsArray();
}
