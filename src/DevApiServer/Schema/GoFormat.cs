using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace KubeBind.DevApiServer.Schema;

/// <summary>Prints values the way Go's fmt, strconv and encoding/json do, so messages match kube-apiserver byte for byte.</summary>
internal static class GoFormat
{
    private const int MaxRenderDepth = 64;

    /// <summary>strconv.Quote: a double-quoted Go string literal.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        var i = 0;
        while (i < value.Length)
        {
            if (Rune.DecodeFromUtf16(value.AsSpan(i), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                // A lone surrogate decodes to U+FFFD in Go, which prints as itself.
                rune = Rune.ReplacementChar;
                consumed = 1;
            }

            i += consumed;
            AppendQuotedRune(builder, rune);
        }

        builder.Append('"');
        return builder.ToString();
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

    /// <summary>fmt's %v for a float64: shortest digits, exponent form below 1e-4 and from 1e+06 on (strconv 'g', -1).</summary>
    public static string Float(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        var (digits, point, negative) = Shortest(value);
        var sign = negative ? "-" : string.Empty;
        if (digits.Length == 0)
        {
            return sign + "0";
        }

        var exponent = point - 1;
        return exponent < -4 || exponent >= 6
            ? sign + ExponentForm(digits, exponent, twoDigitExponent: true)
            : sign + FixedForm(digits, point);
    }

    /// <summary>encoding/json's float64 encoding: fixed notation unless below 1e-6 or from 1e21 on.</summary>
    public static string JsonFloat(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return Float(value);
        }

        var (digits, point, negative) = Shortest(value);
        var sign = negative ? "-" : string.Empty;
        if (digits.Length == 0)
        {
            return sign + "0";
        }

        var abs = Math.Abs(value);
        return abs < 1e-6 || abs >= 1e21
            ? sign + ExponentForm(digits, point - 1, twoDigitExponent: false)
            : sign + FixedForm(digits, point);
    }

    // The shortest round-trip decimal digits of |value| and the position of the decimal point (value = 0.digits * 10^point).
    private static (string Digits, int Point, bool Negative) Shortest(double value)
    {
        var negative = value < 0 || (value == 0 && double.IsNegative(value));
        var text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        var mantissa = text;
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            mantissa = text[..e];
        }

        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integral = dot >= 0 ? mantissa[..dot] : mantissa;
        var fraction = dot >= 0 ? mantissa[(dot + 1)..] : string.Empty;
        var digits = integral + fraction;
        var point = integral.Length + exponent;
        var lead = 0;
        while (lead < digits.Length && digits[lead] == '0')
        {
            lead++;
        }

        digits = digits[lead..].TrimEnd('0');
        point -= lead;
        return (digits, point, negative);
    }

    private static string ExponentForm(string digits, int exponent, bool twoDigitExponent)
    {
        var builder = new StringBuilder();
        builder.Append(digits[0]);
        if (digits.Length > 1)
        {
            builder.Append('.').Append(digits, 1, digits.Length - 1);
        }

        builder.Append('e').Append(exponent < 0 ? '-' : '+');
        var magnitude = Math.Abs(exponent);
        if (twoDigitExponent && magnitude < 10)
        {
            builder.Append('0');
        }

        builder.Append(magnitude.ToString(CultureInfo.InvariantCulture));
        return builder.ToString();
    }

    private static string FixedForm(string digits, int point)
    {
        if (point <= 0)
        {
            return "0." + new string('0', -point) + digits;
        }

        if (point >= digits.Length)
        {
            return digits + new string('0', point - digits.Length);
        }

        return digits[..point] + "." + digits[point..];
    }

    /// <summary>How field.Error.ErrorBody prints a bad value: %q for strings, %v for scalars, %#v for the rest.</summary>
    public static string BadValue(JsonNode? node)
    {
        var datum = JsonData.Read(node);
        return datum.Kind switch
        {
            JsonDataKind.Null => Quote("null"),
            JsonDataKind.String => Quote(datum.Text ?? string.Empty),
            JsonDataKind.Boolean => datum.Boolean ? "true" : "false",
            JsonDataKind.Integer => datum.Integer.ToString(CultureInfo.InvariantCulture),
            JsonDataKind.Number => Float(datum.Number),
            _ => GoSyntax(node),
        };
    }

    /// <summary>fmt's %#v for a decoded JSON value, e.g. <c>map[string]interface {}{"a":1}</c>.</summary>
    public static string GoSyntax(JsonNode? node)
    {
        var builder = new StringBuilder();
        AppendGoSyntax(builder, node, topLevel: true, depth: 0);
        return builder.ToString();
    }

    private static void AppendGoSyntax(StringBuilder builder, JsonNode? node, bool topLevel, int depth)
    {
        if (depth > MaxRenderDepth)
        {
            builder.Append("...");
            return;
        }

        var datum = JsonData.Read(node);
        switch (datum.Kind)
        {
            case JsonDataKind.Null:
                builder.Append(topLevel ? "<nil>" : "interface {}(nil)");
                break;
            case JsonDataKind.String:
                builder.Append(Quote(datum.Text ?? string.Empty));
                break;
            case JsonDataKind.Boolean:
                builder.Append(datum.Boolean ? "true" : "false");
                break;
            case JsonDataKind.Integer:
                builder.Append(datum.Integer.ToString(CultureInfo.InvariantCulture));
                break;
            case JsonDataKind.Number:
                builder.Append(Float(datum.Number));
                break;
            case JsonDataKind.Array:
                builder.Append("[]interface {}{");
                if (node is JsonArray array)
                {
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (i > 0)
                        {
                            builder.Append(", ");
                        }

                        AppendGoSyntax(builder, array[i], topLevel: false, depth + 1);
                    }
                }

                builder.Append('}');
                break;
            default:
                builder.Append("map[string]interface {}{");
                if (node is JsonObject obj)
                {
                    var first = true;
                    foreach (var key in SortedKeys(obj))
                    {
                        if (!first)
                        {
                            builder.Append(", ");
                        }

                        first = false;
                        builder.Append(Quote(key)).Append(':');
                        AppendGoSyntax(builder, obj[key], topLevel: false, depth + 1);
                    }
                }

                builder.Append('}');
                break;
        }
    }

    /// <summary>encoding/json's Marshal of a decoded value: sorted keys, HTML-safe escaping.</summary>
    public static string Json(JsonNode? node)
    {
        var builder = new StringBuilder();
        AppendJson(builder, node, 0);
        return builder.ToString();
    }

    private static void AppendJson(StringBuilder builder, JsonNode? node, int depth)
    {
        if (depth > MaxRenderDepth)
        {
            // Beyond the depth cap the identity keeps distinct deep values distinct in set comparisons.
            builder.Append("\"\\u0000deep:").Append(node is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(node)).Append('"');
            return;
        }

        var datum = JsonData.Read(node);
        switch (datum.Kind)
        {
            case JsonDataKind.Null:
                builder.Append("null");
                break;
            case JsonDataKind.String:
                AppendJsonString(builder, datum.Text ?? string.Empty);
                break;
            case JsonDataKind.Boolean:
                builder.Append(datum.Boolean ? "true" : "false");
                break;
            case JsonDataKind.Integer:
                builder.Append(datum.Integer.ToString(CultureInfo.InvariantCulture));
                break;
            case JsonDataKind.Number:
                builder.Append(JsonFloat(datum.Number));
                break;
            case JsonDataKind.Array:
                builder.Append('[');
                if (node is JsonArray array)
                {
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (i > 0)
                        {
                            builder.Append(',');
                        }

                        AppendJson(builder, array[i], depth + 1);
                    }
                }

                builder.Append(']');
                break;
            default:
                builder.Append('{');
                if (node is JsonObject obj)
                {
                    var first = true;
                    foreach (var key in SortedKeys(obj))
                    {
                        if (!first)
                        {
                            builder.Append(',');
                        }

                        first = false;
                        AppendJsonString(builder, key);
                        builder.Append(':');
                        AppendJson(builder, obj[key], depth + 1);
                    }
                }

                builder.Append('}');
                break;
        }
    }

    private static void AppendJsonString(StringBuilder builder, string value)
    {
        builder.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); continue;
                case '\\': builder.Append("\\\\"); continue;
                case '\n': builder.Append("\\n"); continue;
                case '\r': builder.Append("\\r"); continue;
                case '\t': builder.Append("\\t"); continue;
            }

            if (c < ' ' || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029')
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])))
            {
                builder.Append("\\ufffd");
            }
            else if (char.IsHighSurrogate(c))
            {
                builder.Append(c).Append(value[++i]);
            }
            else
            {
                builder.Append(c);
            }
        }

        builder.Append('"');
    }

    private static List<string> SortedKeys(JsonObject obj)
    {
        var keys = new List<string>(obj.Count);
        foreach (var pair in obj)
        {
            keys.Add(pair.Key);
        }

        keys.Sort(CompareUtf8);
        return keys;
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
