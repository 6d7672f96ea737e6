using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Kubernetes.Models;

/// <summary>meta/v1 Time on the wire: RFC 3339 in UTC with second precision, e.g. <c>2024-05-01T10:00:00Z</c>.</summary>
public sealed class TimeJsonConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'";

    /// <summary>Reads any RFC 3339 timestamp (fractions and offsets included) as UTC.</summary>
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().ToUniversalTime();

    /// <summary>Writes the timestamp as Go's metav1.Time does: UTC, fractions dropped.</summary>
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
    }
}
