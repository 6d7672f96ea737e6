namespace KubeBind.DevApiServer.Protobuf;

/// <summary>The field layout of one Kubernetes protobuf message (from upstream generated.proto).</summary>
internal sealed class ProtoMessage
{
    private readonly Dictionary<int, ProtoField> _fields;

    public ProtoMessage(string name, params ProtoField[] fields)
    {
        Name = name;
        _fields = fields.ToDictionary(f => f.Number);
    }

    public string Name { get; }

    public ProtoField? Field(int number) => _fields.GetValueOrDefault(number);
}
