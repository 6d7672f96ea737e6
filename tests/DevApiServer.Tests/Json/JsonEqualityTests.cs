using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Json;

namespace KubeBind.DevApiServer.Tests.Json;

public sealed class JsonEqualityTests
{
    public static TheoryData<string, string, bool> ByValueCases => new()
    {
        { "1", "1.0", true },
        { "100", "1e2", true },
        { """{"a":1,"b":[1,"x"]}""", """{"b":[1.0,"x"],"a":1}""", true },
        { "[1,2]", "[2,1]", false },
        { "0.1", "0.10000000000000001", true },
        { "1e-30", "2e-30", false },
        { "1e400", "2e400", false },
        { "\"1\"", "1", false },
        { "{}", "[]", false },
        { "null", "null", true },
    };

    [Theory]
    [MemberData(nameof(ByValueCases))]
    public void DeepEquals_ComparesNumbersAsGoDecodesThem_WhenComparingByValue(string left, string right, bool expected)
    {
        var equal = JsonEquality.DeepEquals(JsonNode.Parse(left), JsonNode.Parse(right));

        Assert.Equal(expected, equal);
    }

    [Fact]
    public void DeepEquals_TellsInt64FromFloat64_WhenComparingByGoType()
    {
        var left = JsonNode.Parse("""{"a":[1]}""");
        var right = JsonNode.Parse("""{"a":[1.0]}""");

        var equal = JsonEquality.DeepEquals(left, right, NumberEquality.ByGoType);

        Assert.False(equal);
    }

    [Fact]
    public void TryDeepEquals_ReturnsFalse_WhenTheValuesNestDeeperThanTheCap()
    {
        var text = new string('[', 10) + new string(']', 10);

        var decided = JsonEquality.TryDeepEquals(JsonNode.Parse(text), JsonNode.Parse(text), 5, NumberEquality.ByValue, out _);

        Assert.False(decided);
    }

    [Fact]
    public void TryDeepEquals_DecidesUnequal_WhenADifferenceShowsAboveTheCap()
    {
        var left = JsonNode.Parse("[1," + new string('[', 10) + new string(']', 10) + "]");
        var right = JsonNode.Parse("[2," + new string('[', 10) + new string(']', 10) + "]");

        var decided = JsonEquality.TryDeepEquals(left, right, 5, NumberEquality.ByValue, out var equal);

        Assert.True(decided);
        Assert.False(equal);
    }
}
