using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KubeBind.DevApiServer.Schema;

/// <summary>Compiles schema patterns (RE2/ECMA subset as Go's regexp accepts them) into linear-time .NET regexes.</summary>
internal static class GoRegex
{
    /// <summary>Bounds one match; NonBacktracking is linear, so this only guards pathological huge inputs.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Compiles a pattern; returns null and an error text when Go would reject it too.</summary>
    public static Regex? TryCompile(string pattern, out string? error)
    {
        try
        {
            var translated = Translate(pattern);
            error = null;
            return new Regex(translated, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            error = "error parsing regexp: " + ex.Message;
            return null;
        }
        catch (NotSupportedException ex)
        {
            // Lookarounds and backreferences: RE2 (and so kube-apiserver) rejects them as well.
            error = "error parsing regexp: " + ex.Message;
            return null;
        }
    }

    /// <summary>True when the pattern matches somewhere in the value (Go's MatchString is unanchored).</summary>
    public static bool IsMatch(Regex regex, string value)
    {
        try
        {
            return regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    // RE2 differs from .NET where it matters for schemas: \d \w \s are ASCII-only, $ means end of text unless (?m),
    // \pL needs braces in .NET, (?P<name>) is spelled (?<name>), and \x{HHHH} is a code point.
    internal static string Translate(string pattern)
    {
        var multiline = Regex.IsMatch(pattern, @"\(\?[a-zA-Z]*m", RegexOptions.None, MatchTimeout);
        var builder = new StringBuilder(pattern.Length + 16);
        var inClass = false;
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                i = TranslateEscape(pattern, i, inClass, builder);
                continue;
            }

            if (inClass)
            {
                if (c == '[' && i + 1 < pattern.Length && pattern[i + 1] == ':')
                {
                    var end = pattern.IndexOf(":]", i + 2, StringComparison.Ordinal);
                    if (end > 0 && PosixClass(pattern[(i + 2)..end]) is { } expansion)
                    {
                        builder.Append(expansion);
                        i = end + 2;
                        continue;
                    }
                }

                if (c == ']')
                {
                    inClass = false;
                }

                builder.Append(c);
                i++;
                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    builder.Append(c);
                    i++;
                    if (i < pattern.Length && pattern[i] == '^')
                    {
                        builder.Append('^');
                        i++;
                    }

                    if (i < pattern.Length && pattern[i] == ']')
                    {
                        builder.Append("\\]");
                        i++;
                    }

                    continue;
                case '$' when !multiline:
                    builder.Append("\\z");
                    i++;
                    continue;
                case '(' when string.CompareOrdinal(pattern, i, "(?P<", 0, 4) == 0:
                    builder.Append("(?<");
                    i += 4;
                    continue;
                default:
                    builder.Append(c);
                    i++;
                    continue;
            }
        }

        return builder.ToString();
    }

    private static int TranslateEscape(string pattern, int i, bool inClass, StringBuilder builder)
    {
        var next = pattern[i + 1];
        switch (next)
        {
            case 'd':
                builder.Append(inClass ? "0-9" : "[0-9]");
                return i + 2;
            case 'w':
                builder.Append(inClass ? "0-9A-Za-z_" : "[0-9A-Za-z_]");
                return i + 2;
            case 's':
                builder.Append(inClass ? "\\t\\n\\f\\r " : "[\\t\\n\\f\\r ]");
                return i + 2;
            case 'D' when !inClass:
                builder.Append("[^0-9]");
                return i + 2;
            case 'W' when !inClass:
                builder.Append("[^0-9A-Za-z_]");
                return i + 2;
            case 'S' when !inClass:
                builder.Append("[^\\t\\n\\f\\r ]");
                return i + 2;
            case 'p' or 'P' when i + 2 < pattern.Length && char.IsAsciiLetter(pattern[i + 2]):
                builder.Append('\\').Append(next).Append('{').Append(pattern[i + 2]).Append('}');
                return i + 3;
            case 'x' when i + 2 < pattern.Length && pattern[i + 2] == '{':
                {
                    var end = pattern.IndexOf('}', i + 3);
                    if (end > 0 && int.TryParse(pattern.AsSpan(i + 3, end - i - 3), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                        && code is >= 0 and <= 0x10FFFF)
                    {
                        foreach (var unit in char.ConvertFromUtf32(code >= 0xD800 && code <= 0xDFFF ? 0xFFFD : code))
                        {
                            builder.Append("\\u").Append(((int)unit).ToString("X4", CultureInfo.InvariantCulture));
                        }

                        return end + 1;
                    }

                    break;
                }
        }

        builder.Append('\\').Append(next);
        return i + 2;
    }

    private static string? PosixClass(string name) => name switch
    {
        "alnum" => "0-9A-Za-z",
        "alpha" => "A-Za-z",
        "ascii" => "\\x00-\\x7F",
        "blank" => "\\t ",
        "cntrl" => "\\x00-\\x1F\\x7F",
        "digit" => "0-9",
        "graph" => "!-~",
        "lower" => "a-z",
        "print" => " -~",
        "punct" => "!-/:-@\\[-`{-~",
        "space" => "\\t\\n\\v\\f\\r ",
        "upper" => "A-Z",
        "word" => "0-9A-Za-z_",
        "xdigit" => "0-9A-Fa-f",
        _ => null,
    };
}
