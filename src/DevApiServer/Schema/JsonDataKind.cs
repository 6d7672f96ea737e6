namespace KubeBind.DevApiServer.Schema;

/// <summary>The type a JSON value has after Kubernetes decodes it (integers that fit int64 stay integers).</summary>
internal enum JsonDataKind
{
    Null,
    Object,
    Array,
    String,
    Boolean,
    Integer,
    Number,
}
