using System.Text.Json.Nodes;

namespace KubeBind.DevApiServer.Protobuf;

/// <summary>
/// Kubernetes' protobuf envelope (<c>application/vnd.kubernetes.protobuf</c>): the magic <c>k8s\0</c>, then a
/// runtime.Unknown holding TypeMeta and the raw message. kubectl's typed clients send built-in objects this way.
/// </summary>
internal static class KubernetesProtobuf
{
    public const string MediaType = "application/vnd.kubernetes.protobuf";

    private static readonly byte[] Magic = [0x6b, 0x38, 0x73, 0x00];

    private static readonly ProtoMessage TypeMeta = new(
        "TypeMeta",
        new ProtoField(1, "apiVersion", ProtoKind.String),
        new ProtoField(2, "kind", ProtoKind.String));

    /// <summary>Decodes a protobuf request body into JSON; throws for unknown kinds or malformed input.</summary>
    public static JsonObject Decode(ReadOnlySpan<byte> body)
    {
        if (body.Length < Magic.Length || !body[..Magic.Length].SequenceEqual(Magic))
        {
            throw new ProtobufFormatException("the body does not start with the Kubernetes protobuf magic number");
        }

        var reader = new ProtoReader(body[Magic.Length..]);
        JsonObject? typeMeta = null;
        ReadOnlySpan<byte> raw = default;
        while (!reader.End)
        {
            var (number, wireType) = reader.ReadTag();
            if (wireType != 2)
            {
                reader.Skip(wireType);
                continue;
            }

            var bytes = reader.ReadBytes();
            switch (number)
            {
                case 1:
                    typeMeta = ProtoJsonDecoder.Decode(bytes, TypeMeta);
                    break;
                case 2:
                    raw = bytes;
                    break;
            }
        }

        var apiVersion = typeMeta?["apiVersion"]?.GetValue<string>() ?? string.Empty;
        var kind = typeMeta?["kind"]?.GetValue<string>() ?? string.Empty;
        var message = ProtoSchemas.Find(apiVersion, kind)
            ?? throw new UnsupportedProtobufKindException(apiVersion, kind);
        var decoded = ProtoJsonDecoder.Decode(raw, message);
        var result = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
        foreach (var (key, value) in decoded.ToList())
        {
            decoded.Remove(key);
            result[key] = value;
        }

        return result;
    }
}
