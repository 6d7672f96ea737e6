using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Schema;

namespace KubeBind.DevApiServer.Tests.Schema;

public sealed class GoFormatTests
{
    public static TheoryData<double, string> FloatCases => new()
    {
        { 1.5, "1.5" },
        { 1e6, "1e+06" },
        { 123456.0, "123456" },
        { 1234567.0, "1.234567e+06" },
        { 0.0001, "0.0001" },
        { 0.00001, "1e-05" },
        { -2.5, "-2.5" },
        { 1e21, "1e+21" },
        { 0.0, "0" },
        { double.PositiveInfinity, "+Inf" },
    };

    [Theory]
    [MemberData(nameof(FloatCases))]
    public void Float_PrintsLikeGoPercentV_WhenGivenAFloat64(double value, string expected)
    {
        var text = GoFormat.Float(value);

        Assert.Equal(expected, text);
    }

    public static TheoryData<double, string> JsonFloatCases => new()
    {
        { 100.0, "100" },
        { 1e20, "100000000000000000000" },
        { 1e21, "1e+21" },
        { 1e-7, "1e-7" },
        { 0.5, "0.5" },
    };

    [Theory]
    [MemberData(nameof(JsonFloatCases))]
    public void JsonFloat_PrintsLikeEncodingJson_WhenGivenAFloat64(double value, string expected)
    {
        var text = GoFormat.JsonFloat(value);

        Assert.Equal(expected, text);
    }

    public static TheoryData<string, string> QuoteCases => new()
    {
        { "plain", "\"plain\"" },
        { "a\"b\\c", "\"a\\\"b\\\\c\"" },
        { "tab\tnew\n", "\"tab\\tnew\\n\"" },
        { "\u0001", "\"\\x01\"" },
        { "ünïcödé 😀", "\"ünïcödé 😀\"" },
        { "\u00a0", "\"\\u00a0\"" },
    };

    [Theory]
    [MemberData(nameof(QuoteCases))]
    public void Quote_EscapesLikeStrconvQuote_WhenGivenAString(string value, string expected)
    {
        var quoted = GoFormat.Quote(value);

        Assert.Equal(expected, quoted);
    }

    [Fact]
    public void GoSyntax_SortsKeysAndNamesTypes_WhenGivenNestedValues()
    {
        var value = JsonNode.Parse("""{"b":[1,"x",null],"a":{"c":true,"d":1.5}}""");

        var text = GoFormat.GoSyntax(value);

        Assert.Equal("map[string]interface {}{\"a\":map[string]interface {}{\"c\":true, \"d\":1.5}, \"b\":[]interface {}{1, \"x\", interface {}(nil)}}", text);
    }

    [Fact]
    public void Json_MarshalsLikeEncodingJson_WhenGivenNestedValues()
    {
        var value = JsonNode.Parse("""{"b":"<&>","a":[1.0,2.5]}""");

        var text = GoFormat.Json(value);

        Assert.Equal("{\"a\":[1,2.5],\"b\":\"\\u003c\\u0026\\u003e\"}", text);
    }
}
