using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace KubeBind.DevApiServer.Protobuf;

/// <summary>Decodes a protobuf message into the JSON object Kubernetes' JSON encoding of the same Go value would give.</summary>
internal static class ProtoJsonDecoder
{
    private const int MaxDepth = 64;

    public static JsonObject Decode(ReadOnlySpan<byte> data, ProtoMessage message) => DecodeMessage(data, message, 0);

    private static JsonObject DecodeMessage(ReadOnlySpan<byte> data, ProtoMessage message, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ProtobufFormatException("message nested too deeply");
        }

        var json = new JsonObject();
        var reader = new ProtoReader(data);
        while (!reader.End)
        {
            var (number, wireType) = reader.ReadTag();
            var field = message.Field(number);
            if (field is null)
            {
                reader.Skip(wireType);
                continue;
            }

            var value = ReadValue(ref reader, field, wireType, depth);
            if (field.Repeated)
            {
                if (json[field.JsonName] is not JsonArray array)
                {
                    array = [];
                    json[field.JsonName] = array;
                }

                array.Add(value);
            }
            else if (field.Kind is ProtoKind.StringMap or ProtoKind.BytesMap or ProtoKind.ExtraMap)
            {
                if (json[field.JsonName] is not JsonObject map)
                {
                    map = [];
                    json[field.JsonName] = map;
                }

                var entry = (JsonArray)value!;
                map[entry[0]!.GetValue<string>()] = entry[1]?.DeepClone();
            }
            else if (value is not null && (field.Pointer || !IsZero(value)))
            {
                json[field.JsonName] = value;
            }
        }

        return json;
    }

    private static JsonNode? ReadValue(ref ProtoReader reader, ProtoField field, int wireType, int depth)
    {
        switch (field.Kind)
        {
            case ProtoKind.Bool:
                Expect(field, wireType, 0);
                return JsonValue.Create(reader.ReadVarint() != 0);
            case ProtoKind.Int32:
                Expect(field, wireType, 0);
                return JsonValue.Create((int)reader.ReadVarint());
            case ProtoKind.Int64:
                Expect(field, wireType, 0);
                return JsonValue.Create((long)reader.ReadVarint());
        }

        Expect(field, wireType, 2);
        var bytes = reader.ReadBytes();
        return field.Kind switch
        {
            ProtoKind.String => JsonValue.Create(Utf8(bytes)),
            ProtoKind.Bytes => JsonValue.Create(Convert.ToBase64String(bytes)),
            ProtoKind.Message => DecodeMessage(bytes, field.Message!(), depth + 1),
            ProtoKind.Time => Time(bytes, micro: false),
            ProtoKind.MicroTime => Time(bytes, micro: true),
            ProtoKind.FieldsV1 => FieldsV1(bytes),
            _ => MapEntry(bytes, field.Kind),
        };
    }

    private static JsonArray MapEntry(ReadOnlySpan<byte> bytes, ProtoKind kind)
    {
        var reader = new ProtoReader(bytes);
        var key = string.Empty;
        JsonNode? value = kind == ProtoKind.ExtraMap ? new JsonArray() : JsonValue.Create(string.Empty);
        while (!reader.End)
        {
            var (number, wireType) = reader.ReadTag();
            if (wireType != 2)
            {
                reader.Skip(wireType);
                continue;
            }

            var data = reader.ReadBytes();
            if (number == 1)
            {
                key = Utf8(data);
            }
            else if (number == 2)
            {
                value = kind switch
                {
                    ProtoKind.StringMap => JsonValue.Create(Utf8(data)),
                    ProtoKind.BytesMap => JsonValue.Create(Convert.ToBase64String(data)),
                    _ => ExtraValue(data),
                };
            }
        }

        return [key, value];
    }

    // ExtraValue is `repeated string items = 1`, and its JSON form is the bare array.
    private static JsonArray ExtraValue(ReadOnlySpan<byte> data)
    {
        var items = new JsonArray();
        var reader = new ProtoReader(data);
        while (!reader.End)
        {
            var (number, wireType) = reader.ReadTag();
            if (number == 1 && wireType == 2)
            {
                items.Add(Utf8(reader.ReadBytes()));
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return items;
    }

    private static JsonValue? Time(ReadOnlySpan<byte> data, bool micro)
    {
        long seconds = 0;
        long nanos = 0;
        var reader = new ProtoReader(data);
        while (!reader.End)
        {
            var (number, wireType) = reader.ReadTag();
            if (wireType != 0)
            {
                reader.Skip(wireType);
                continue;
            }

            var value = (long)reader.ReadVarint();
            if (number == 1)
            {
                seconds = value;
            }
            else if (number == 2)
            {
                nanos = value;
            }
        }

        if (seconds == 0 && nanos == 0)
        {
            return null; // Go's zero time: JSON null, i.e. unset
        }

        if (seconds is < -62135596800 or > 253402300799 || nanos is < 0 or >= 1_000_000_000)
        {
            throw new ProtobufFormatException($"timestamp {seconds}s {nanos}ns is out of range");
        }

        var time = DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(nanos / 100);
        return JsonValue.Create(micro
            ? time.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)
            : time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }

    private static JsonNode? FieldsV1(ReadOnlySpan<byte> data)
    {
        var reader = new ProtoReader(data);
        while (!reader.End)
        {
            var (number, wireType) = reader.ReadTag();
            if (number == 1 && wireType == 2)
            {
                return JsonNode.Parse(reader.ReadBytes());
            }

            reader.Skip(wireType);
        }

        return null;
    }

    private static bool IsZero(JsonNode value) => value switch
    {
        JsonObject o => o.Count == 0,
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length == 0,
        JsonValue v when v.TryGetValue<bool>(out var b) => !b,
        JsonValue v when v.TryGetValue<int>(out var i) => i == 0,
        JsonValue v when v.TryGetValue<long>(out var l) => l == 0,
        _ => false,
    };

    private static void Expect(ProtoField field, int actual, int expected)
    {
        if (actual != expected)
        {
            throw new ProtobufFormatException($"field {field.JsonName} ({field.Number}) has wire type {actual}, expected {expected}");
        }
    }

    private static string Utf8(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
