using System.Text;

namespace KubeBind.DevApiServer.Tests.Protobuf;

/// <summary>A minimal protobuf encoder for building test inputs the way Go's generated marshallers would.</summary>
internal sealed class ProtoWriter
{
    private readonly List<byte> _buffer = [];

    public ProtoWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtoWriter Bytes(int field, byte[] value)
    {
        Tag(field, 2);
        Varint((ulong)value.Length);
        _buffer.AddRange(value);
        return this;
    }

    public ProtoWriter Message(int field, ProtoWriter message) => Bytes(field, message.ToArray());

    public ProtoWriter Varint(int field, long value)
    {
        Tag(field, 0);
        Varint((ulong)value);
        return this;
    }

    public ProtoWriter MapEntry(int field, string key, string value) =>
        Message(field, new ProtoWriter().String(1, key).String(2, value));

    public byte[] ToArray() => [.. _buffer];

    /// <summary>Wraps a message in Kubernetes' envelope: magic, then runtime.Unknown{typeMeta, raw}.</summary>
    public static byte[] Envelope(string apiVersion, string kind, ProtoWriter raw)
    {
        var unknown = new ProtoWriter()
            .Message(1, new ProtoWriter().String(1, apiVersion).String(2, kind))
            .Bytes(2, raw.ToArray());
        return [0x6b, 0x38, 0x73, 0x00, .. unknown.ToArray()];
    }

    private void Tag(int field, int wireType) => Varint((ulong)((field << 3) | wireType));

    private void Varint(ulong value)
    {
        while (value >= 0x80)
        {
            _buffer.Add((byte)(value | 0x80));
            value >>= 7;
        }

        _buffer.Add((byte)value);
    }
}
