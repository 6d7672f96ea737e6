using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeBind.DevApiServer.Json;

/// <summary>Go's text forms that reach the wire and error messages: strconv.Quote, fmt's %v for floats and encoding/json.</summary>
internal static class GoText
{
    /// <summary>Quotes a string like Go's strconv.Quote (%q).</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        var i = 0;
        while (i < value.Length)
        {
            if (Rune.DecodeFromUtf16(value.AsSpan(i), out var rune, out var consumed) != OperationStatus.Done)
            {
                // A lone surrogate decodes to U+FFFD in Go, which prints as itself.
                rune = Rune.ReplacementChar;
                consumed = 1;
            }

            i += consumed;
            AppendQuotedRune(builder, rune);
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Formats a float64 like fmt's %v: shortest digits, exponent form below 1e-4 and from 1e+06 on (strconv 'g', -1).</summary>
    public static string Float(double value) => FormatFloat(value, exponentBelow: -4, exponentFrom: 6, padExponent: true);

    /// <summary>Formats a float64 like encoding/json: fixed notation unless below 1e-6 or from 1e21 on.</summary>
    public static string JsonFloat(double value) => FormatFloat(value, exponentBelow: -6, exponentFrom: 21, padExponent: false);

    /// <summary>Writes a string as Go's encoding/json does (HTML-safe escapes, lowercase hex).</summary>
    public static void AppendJsonString(StringBuilder builder, string value)
    {
        builder.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case < ' ' or '<' or '>' or '&' or '\u2028' or '\u2029':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                case >= '\ud800' and <= '\udbff' when i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]):
                    builder.Append(c).Append(value[++i]);
                    break;
                case >= '\ud800' and <= '\udfff':
                    // A lone surrogate is invalid UTF-8 on the Go side, which writes the replacement character.
                    builder.Append("\\ufffd");
                    break;
                default: builder.Append(c); break;
            }
        }

        builder.Append('"');
    }

    /// <summary>Marshals a decoded value like encoding/json: map keys sorted, HTML-safe escapes, int64 and float64 numbers.</summary>
    public static string Json(JsonNode? node) => Json(node, int.MaxValue);

    /// <summary>Marshals like <see cref="Json(JsonNode?)"/>, writing values nested deeper than <paramref name="maxDepth"/> as a token unique to the node.</summary>
    public static string Json(JsonNode? node, int maxDepth)
    {
        var builder = new StringBuilder();
        AppendJson(builder, node, 0, maxDepth);
        return builder.ToString();
    }

    /// <summary>Returns an object's keys in the order Go prints map keys: by their UTF-8 bytes.</summary>
    public static List<string> SortedKeys(JsonObject obj)
    {
        var keys = new List<string>(obj.Count);
        foreach (var pair in obj)
        {
            keys.Add(pair.Key);
        }

        keys.Sort(CompareUtf8);
        return keys;
    }

    private static void AppendQuotedRune(StringBuilder builder, Rune rune)
    {
        var value = rune.Value;
        if (value == '"' || value == '\\')
        {
            builder.Append('\\').Append((char)value);
            return;
        }

        if (IsPrint(rune))
        {
            builder.Append(rune.ToString());
            return;
        }

        switch (value)
        {
            case '\a': builder.Append("\\a"); return;
            case '\b': builder.Append("\\b"); return;
            case '\f': builder.Append("\\f"); return;
            case '\n': builder.Append("\\n"); return;
            case '\r': builder.Append("\\r"); return;
            case '\t': builder.Append("\\t"); return;
            case '\v': builder.Append("\\v"); return;
        }

        if (value < ' ' || value == 0x7f)
        {
            builder.Append("\\x").Append(value.ToString("x2", CultureInfo.InvariantCulture));
        }
        else if (value < 0x10000)
        {
            builder.Append("\\u").Append(value.ToString("x4", CultureInfo.InvariantCulture));
        }
        else
        {
            builder.Append("\\U").Append(value.ToString("x8", CultureInfo.InvariantCulture));
        }
    }

    // unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
    private static bool IsPrint(Rune rune)
    {
        if (rune.Value == ' ')
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true,
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
            UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
                or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
                or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation => true,
            UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol
                or UnicodeCategory.OtherSymbol => true,
            _ => false,
        };
    }

    private static string FormatFloat(double value, int exponentBelow, int exponentFrom, bool padExponent)
    {
        if (!double.IsFinite(value))
        {
            return double.IsNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf";
        }

        var builder = new StringBuilder();
        if (double.IsNegative(value))
        {
            // Go keeps the sign of negative zero in both forms.
            builder.Append('-');
        }

        if (value == 0)
        {
            return builder.Append('0').ToString();
        }

        var (digits, pointPosition) = ShortestDigits(Math.Abs(value));
        var exponent = pointPosition - 1;
        if (exponent < exponentBelow || exponent >= exponentFrom)
        {
            builder.Append(digits[0]);
            if (digits.Length > 1)
            {
                builder.Append('.').Append(digits, 1, digits.Length - 1);
            }

            // %v writes at least two exponent digits; encoding/json trims e-07 to e-7.
            var magnitude = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
            builder.Append('e').Append(exponent < 0 ? '-' : '+').Append(padExponent && magnitude.Length < 2 ? "0" : string.Empty).Append(magnitude);
        }
        else if (pointPosition <= 0)
        {
            builder.Append("0.").Append('0', -pointPosition).Append(digits);
        }
        else if (pointPosition >= digits.Length)
        {
            builder.Append(digits).Append('0', pointPosition - digits.Length);
        }
        else
        {
            builder.Append(digits, 0, pointPosition).Append('.').Append(digits, pointPosition, digits.Length - pointPosition);
        }

        return builder.ToString();
    }

    // The shortest round-trip digits of a positive double and the position of the decimal point (value = 0.digits * 10^point).
    private static (string Digits, int PointPosition) ShortestDigits(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var integerPart = dot >= 0 ? text[..dot] : text;
        var fraction = dot >= 0 ? text[(dot + 1)..] : string.Empty;
        var all = integerPart + fraction;
        var leading = 0;
        while (leading < all.Length - 1 && all[leading] == '0')
        {
            leading++;
        }

        return (all[leading..].TrimEnd('0'), integerPart.Length + exponent - leading);
    }

    private static void AppendJson(StringBuilder builder, JsonNode? node, int depth, int maxDepth)
    {
        if (depth > maxDepth)
        {
            // Beyond the depth cap the identity keeps distinct deep values distinct when the text serves as a set key.
            builder.Append("\"\\u0000deep:").Append(node is null ? 0 : RuntimeHelpers.GetHashCode(node)).Append('"');
            return;
        }

        switch (node)
        {
            case JsonObject map:
                builder.Append('{');
                var first = true;
                foreach (var key in SortedKeys(map))
                {
                    builder.Append(first ? string.Empty : ",");
                    first = false;
                    AppendJsonString(builder, key);
                    builder.Append(':');
                    AppendJson(builder, map[key], depth + 1, maxDepth);
                }

                builder.Append('}');
                break;
            case JsonArray list:
                builder.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ",");
                    AppendJson(builder, list[i], depth + 1, maxDepth);
                }

                builder.Append(']');
                break;
            case JsonValue value when JsonScalar.TryGetString(value, out var text):
                AppendJsonString(builder, text);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                builder.Append(JsonNumber.TryRead(value, out var number)
                    ? number.IsInteger ? number.Integer.ToString(CultureInfo.InvariantCulture) : JsonFloat(number.Float)
                    : value.ToJsonString());
                break;
            case JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                builder.Append(value.GetValueKind() == JsonValueKind.True ? "true" : "false");
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    // Go sorts map keys by their UTF-8 bytes; ordinal UTF-16 order differs only around surrogates.
    private static int CompareUtf8(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            if (a[i] != b[i])
            {
                var x = char.IsSurrogate(a[i]) ? a[i] + 0x10000 : a[i];
                var y = char.IsSurrogate(b[i]) ? b[i] + 0x10000 : b[i];
                return x.CompareTo(y);
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}
