using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Json;

namespace KubeBind.DevApiServer.Tests.Json;

public sealed class GoTextTests
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
        { -0.0, "-0" },
        { double.PositiveInfinity, "+Inf" },
    };

    [Theory]
    [MemberData(nameof(FloatCases))]
    public void Float_PrintsLikeGoPercentV_WhenGivenAFloat64(double value, string expected)
    {
        var text = GoText.Float(value);

        Assert.Equal(expected, text);
    }

    public static TheoryData<double, string> JsonFloatCases => new()
    {
        { 100.0, "100" },
        { 1e20, "100000000000000000000" },
        { 1e21, "1e+21" },
        { 1e-7, "1e-7" },
        { 0.5, "0.5" },
        { -0.0, "-0" },
    };

    [Theory]
    [MemberData(nameof(JsonFloatCases))]
    public void JsonFloat_PrintsLikeEncodingJson_WhenGivenAFloat64(double value, string expected)
    {
        var text = GoText.JsonFloat(value);

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
        { "zero\u200bwidth", "\"zero\\u200bwidth\"" },
    };

    [Theory]
    [MemberData(nameof(QuoteCases))]
    public void Quote_EscapesLikeStrconvQuote_WhenGivenAString(string value, string expected)
    {
        var quoted = GoText.Quote(value);

        Assert.Equal(expected, quoted);
    }

    [Fact]
    public void Quote_PrintsTheReplacementCharacter_WhenGivenALoneSurrogate()
    {
        var quoted = GoText.Quote("lone\ud800");

        Assert.Equal("\"lone\ufffd\"", quoted);
    }

    [Fact]
    public void Json_SortsKeysByUtf8Bytes_WhenKeysMixSurrogatesAndPrivateUse()
    {
        var value = new JsonObject { ["\uffff"] = 1, ["\ud83d\ude00"] = 2.5, ["a"] = "<" };

        var text = GoText.Json(value);

        Assert.Equal("{\"a\":\"\\u003c\",\"\uffff\":1,\"\ud83d\ude00\":2.5}", text);
    }
}
