using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeBind.DevApiServer.Json;

/// <summary>A JSON number the way Go decodes it for Kubernetes: an int64 when the text is an integer that fits, a float64 otherwise.</summary>
internal readonly record struct JsonNumber(bool IsInteger, long Integer, double Float)
{
    /// <summary>Gets the value as a float64, for comparisons across the two kinds.</summary>
    public double AsDouble => IsInteger ? Integer : Float;

    /// <summary>Reads a number value; false when the value is not a number.</summary>
    public static bool TryRead(JsonValue value, out JsonNumber number)
    {
        number = default;
        if (value.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        var text = value.TryGetValue(out JsonElement element) ? element.GetRawText() : value.ToJsonString();
        if (text.AsSpan().IndexOfAny(".eE") < 0 && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            number = new JsonNumber(true, integer, 0);
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            number = new JsonNumber(false, 0, real);
            return true;
        }

        return false;
    }

    /// <summary>Compares numerically, ints exactly and mixed kinds as float64 (SMD's value.Compare).</summary>
    public int CompareTo(JsonNumber other) =>
        IsInteger && other.IsInteger ? Integer.CompareTo(other.Integer) : AsDouble.CompareTo(other.AsDouble);
}
