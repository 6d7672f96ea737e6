using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Kubernetes.Models;

/// <summary>A Go timestamp on the wire: read from any RFC 3339 form as UTC, written in UTC with one fixed layout.</summary>
public abstract class GoTimeJsonConverter(string format) : JsonConverter<DateTimeOffset>
{
    /// <summary>Reads any RFC 3339 timestamp (fractions and offsets included) as UTC.</summary>
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().ToUniversalTime();

    /// <summary>Writes the timestamp in UTC with this converter's layout.</summary>
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString(format, CultureInfo.InvariantCulture));
    }
}
