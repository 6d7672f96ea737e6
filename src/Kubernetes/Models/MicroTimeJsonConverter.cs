using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Kubernetes.Models;

/// <summary>meta/v1 MicroTime on the wire: RFC 3339 in UTC with exactly six fractional digits, e.g. <c>2024-05-01T10:00:00.123456Z</c>.</summary>
public sealed class MicroTimeJsonConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'";

    /// <summary>Reads any RFC 3339 timestamp (the server may send fewer digits or an offset) as UTC.</summary>
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().ToUniversalTime();

    /// <summary>Writes the timestamp the way kube-apiserver parses MicroTime (Go's RFC3339Micro layout).</summary>
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
    }
}
