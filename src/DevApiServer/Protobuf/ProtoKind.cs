namespace KubeBind.DevApiServer.Protobuf;

/// <summary>How a field's value maps to JSON.</summary>
internal enum ProtoKind
{
    String,

    /// <summary>bytes, written to JSON as base64 like Go's encoding of []byte.</summary>
    Bytes,
    Bool,
    Int32,
    Int64,
    Message,

    /// <summary>meta/v1 Time: seconds and nanos, written as RFC 3339 with second precision.</summary>
    Time,

    /// <summary>meta/v1 MicroTime: written as RFC 3339 with microseconds.</summary>
    MicroTime,

    /// <summary>meta/v1 FieldsV1: raw JSON bytes, embedded as JSON.</summary>
    FieldsV1,

    /// <summary>map&lt;string, string&gt;.</summary>
    StringMap,

    /// <summary>map&lt;string, bytes&gt;, values base64.</summary>
    BytesMap,

    /// <summary>map&lt;string, ExtraValue&gt;, values as string arrays.</summary>
    ExtraMap,
}
