using System.Text.Json.Nodes;
using YamlDotNet.Core;

namespace KubeBind.Api.Tests;

public sealed class YamlJsonTests
{
    public static TheoryData<string, string> Scalars { get; } = new()
    {
        { "v: true", "true" },
        { "v: False", "false" },
        { "v: \"true\"", "\"true\"" },
        { "v: 'false'", "\"false\"" },
        { "v: !!str true", "\"true\"" },
        { "v: 42", "42" },
        { "v: -7", "-7" },
        { "v: \"42\"", "\"42\"" },
        { "v: 0x1F", "31" },
        { "v: 0o17", "15" },
        { "v: 1.5", "1.5" },
        { "v: 1e3", "1000" },
        { "v: 99999999999999999999", "1E+20" },
        { "v: ~", "null" },
        { "v:", "null" },
        { "v: ''", "\"\"" },
        { "v: 1.2.3", "\"1.2.3\"" },
        { "v: yes", "\"yes\"" },
        { "v: ^[a-z]\\.(x)$", "\"^[a-z]\\\\.(x)$\"" },
        { "v: |\n  two\n  lines", "\"two\\nlines\"" },
    };

    [Theory]
    [MemberData(nameof(Scalars))]
    public void Documents_TypesOnlyPlainScalars_WhenConvertingScalars(string yaml, string json)
    {
        var document = YamlJson.Documents(yaml).Single();

        Assert.Equal(json, document!["v"]?.ToJsonString() ?? "null");
    }

    [Fact]
    public void Documents_KeepsStructureAndOrder_WhenTheYamlHasSeveralDocuments()
    {
        var documents = YamlJson.Documents("a: {x: [1, two]}\nb: []\n---\n- c\n");

        Assert.Equal(["""{"a":{"x":[1,"two"]},"b":[]}""", """["c"]"""], documents.Select(d => d!.ToJsonString()));
    }

    [Theory]
    [InlineData("v: .inf")]
    [InlineData("v: .NaN")]
    [InlineData("a: 1\na: 2")]
    [InlineData("? [a]\n: 1")]
    public void Documents_Throws_WhenTheYamlHasNoJsonEquivalent(string yaml)
    {
        Assert.ThrowsAny<YamlException>(() => YamlJson.Documents(yaml));
    }

    [Fact]
    public void Documents_ReturnsJsonNodes_WhenTheDocumentIsAScalar()
    {
        var document = YamlJson.Documents("hello");

        Assert.Equal("hello", Assert.IsAssignableFrom<JsonValue>(document.Single()).GetValue<string>());
    }
}
