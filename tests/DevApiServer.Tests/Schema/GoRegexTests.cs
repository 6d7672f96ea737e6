using KubeBind.DevApiServer.Schema;

namespace KubeBind.DevApiServer.Tests.Schema;

public sealed class GoRegexTests
{
    public static TheoryData<string, string, bool> MatchCases => new()
    {
        { "^a$", "a", true },
        { "^a$", "a\n", false },
        { "(?m)^a$", "a\nb", true },
        { "\\d", "\u0663", false },
        { "^\\w+$", "héllo", false },
        { "[[:alpha:]]+", "abc", true },
        { "^\\pL+$", "héllo", true },
        { "(?P<word>ab)c", "abc", true },
        { "^\\x{41}$", "A", true },
        { "[]a]", "]", true },
        { "^[^\\d]+$", "abc", true },
        { "b", "abc", true },
    };

    [Theory]
    [MemberData(nameof(MatchCases))]
    public void IsMatch_FollowsRe2Semantics_WhenPatternUsesGoSyntax(string pattern, string value, bool expected)
    {
        var regex = GoRegex.TryCompile(pattern, out var error);

        Assert.Null(error);
        Assert.Equal(expected, GoRegex.IsMatch(regex!, value));
    }

    [Theory]
    [InlineData("(")]
    [InlineData("(?=a)b")]
    [InlineData("(a)\\1")]
    public void TryCompile_ReturnsError_WhenRe2WouldRejectPattern(string pattern)
    {
        var regex = GoRegex.TryCompile(pattern, out var error);

        Assert.Null(regex);
        Assert.StartsWith("error parsing regexp: ", error, StringComparison.Ordinal);
    }
}
