using System.Globalization;
using System.Text;

namespace KubeBind.DevApiServer.Apply;

/// <summary>Go's text forms that leak into the wire: %q and %v (SMD path strings) and encoding/json (FieldsV1 keys).</summary>
internal static class GoFormat
{
    /// <summary>Quotes a string like Go's strconv.Quote (%q).</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\a': builder.Append("\\a"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\v': builder.Append("\\v"); break;
                case < ' ' or '\x7f':
                    builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    break;
                case >= '\x80' and <= '\x9f':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: builder.Append(c); break;
            }
        }

        return builder.Append('"').ToString();
    }

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

    /// <summary>Formats a float64 like Go's %v (strconv 'g', shortest).</summary>
    public static string FloatV(double value) => FormatFloat(value, exponentBelow: -4, exponentFrom: 6, trimExponent: false);

    /// <summary>Formats a float64 like Go's encoding/json.</summary>
    public static string FloatJson(double value) => FormatFloat(value, exponentBelow: -6, exponentFrom: 21, trimExponent: true);

    private static string FormatFloat(double value, int exponentBelow, int exponentFrom, bool trimExponent)
    {
        if (!double.IsFinite(value))
        {
            return double.IsNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf";
        }

        if (value == 0)
        {
            return "0";
        }

        var (digits, pointPosition) = ShortestDigits(Math.Abs(value));
        var exponent = pointPosition - 1;
        var builder = new StringBuilder();
        if (value < 0)
        {
            builder.Append('-');
        }

        if (exponent < exponentBelow || exponent >= exponentFrom)
        {
            builder.Append(digits[0]);
            if (digits.Length > 1)
            {
                builder.Append('.').Append(digits, 1, digits.Length - 1);
            }

            var magnitude = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
            if (!trimExponent && magnitude.Length < 2)
            {
                magnitude = "0" + magnitude;
            }

            builder.Append('e').Append(exponent < 0 ? '-' : '+').Append(magnitude);
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

    /// <summary>Splits a positive double into its shortest round-trip digits and the position of the decimal point.</summary>
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
        var pointPosition = integerPart.Length + exponent;
        var leading = 0;
        while (leading < all.Length - 1 && all[leading] == '0')
        {
            leading++;
        }

        all = all[leading..].TrimEnd('0');
        return (all.Length == 0 ? "0" : all, pointPosition - leading);
    }
}
