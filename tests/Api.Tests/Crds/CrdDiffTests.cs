using System.Text.Json.Nodes;

namespace KubeBind.Api.Tests.Crds;

public sealed class CrdDiffTests
{
    [Fact]
    public void Differences_IsEmpty_WhenOnlyDescriptionsAndRequiredOrderDiffer()
    {
        var expected = JsonNode.Parse("""{"description":"a","type":"object","required":["a","b"],"properties":{"a":{"description":"x","type":"string"}}}""");
        var actual = JsonNode.Parse("""{"type":"object","required":["b","a"],"properties":{"a":{"type":"string"}}}""");

        Assert.Empty(CrdDiff.Differences(expected, actual));
    }

    [Theory]
    [InlineData("""{"properties":{"description":{"type":"string"}}}""", """{"properties":{}}""", "$.properties.description: missing")]
    [InlineData("""{"properties":{"a":{"type":"string"}}}""", """{"properties":{"a":{"type":"integer"}}}""", "$.properties.a.type: expected \"string\", got \"integer\"")]
    [InlineData("""{"default":{"description":"kept"}}""", """{"default":{}}""", "$.default: expected {\"description\":\"kept\"}, got {}")]
    [InlineData("""{"required":["a"]}""", """{"required":["a","b"]}""", "$.required: expected the set [\"a\"], got [\"a\",\"b\"]")]
    [InlineData("""{"enum":["a"]}""", """{"enum":["a"],"pattern":"x"}""", "$.pattern: unexpected")]
    public void Differences_NamesThePath_WhenStructureDiffers(string expected, string actual, string difference)
    {
        var differences = CrdDiff.Differences(JsonNode.Parse(expected), JsonNode.Parse(actual));

        Assert.Equal([difference], differences);
    }
}
