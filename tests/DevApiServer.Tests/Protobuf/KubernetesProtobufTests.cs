using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Protobuf;

namespace KubeBind.DevApiServer.Tests.Protobuf;

public sealed class KubernetesProtobufTests
{
    [Fact]
    public void Decode_ProducesTheJsonOfAConfigMap_WithZeroValuesOmitted()
    {
        var metadata = new ProtoWriter()
            .String(1, "settings")
            .String(2, string.Empty)
            .String(3, "team-a")
            .Message(8, new ProtoWriter())
            .MapEntry(11, "app", "web");
        var configMap = new ProtoWriter()
            .Message(1, metadata)
            .MapEntry(2, "color", "blue")
            .MapEntry(2, "size", "large")
            .Varint(4, 0);

        var json = KubernetesProtobuf.Decode(ProtoWriter.Envelope("v1", "ConfigMap", configMap));

        var expected = JsonNode.Parse("""
            {"apiVersion":"v1","kind":"ConfigMap",
             "metadata":{"name":"settings","namespace":"team-a","labels":{"app":"web"}},
             "data":{"color":"blue","size":"large"},
             "immutable":false}
            """);
        Assert.True(JsonNode.DeepEquals(expected, json), json.ToJsonString());
    }

    [Fact]
    public void Decode_HandlesRepeatedMessages_AndBytesAsBase64()
    {
        var secret = new ProtoWriter()
            .Message(1, new ProtoWriter().String(1, "s").Message(13, new ProtoWriter().String(5, "v1").String(1, "ConfigMap").String(3, "owner").String(4, "uid-1").Varint(6, 1)))
            .Message(2, new ProtoWriter().String(1, "key").Bytes(2, [1, 2, 3]))
            .String(3, "Opaque");

        var json = KubernetesProtobuf.Decode(ProtoWriter.Envelope("v1", "Secret", secret));

        Assert.Equal("AQID", json["data"]!["key"]!.GetValue<string>());
        Assert.Equal("Opaque", json["type"]!.GetValue<string>());
        var owner = json["metadata"]!["ownerReferences"]![0]!;
        Assert.Equal("uid-1", owner["uid"]!.GetValue<string>());
        Assert.True(owner["controller"]!.GetValue<bool>());
    }

    [Fact]
    public void Decode_ReadsRbacRulesAndSubjects()
    {
        var binding = new ProtoWriter()
            .Message(1, new ProtoWriter().String(1, "rb"))
            .Message(2, new ProtoWriter().String(1, "ServiceAccount").String(3, "bot").String(4, "ns"))
            .Message(3, new ProtoWriter().String(1, "rbac.authorization.k8s.io").String(2, "Role").String(3, "reader"));

        var json = KubernetesProtobuf.Decode(ProtoWriter.Envelope("rbac.authorization.k8s.io/v1", "RoleBinding", binding));

        Assert.Equal("bot", json["subjects"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("reader", json["roleRef"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Decode_Throws_ForAnUnsupportedKind()
    {
        var body = ProtoWriter.Envelope("apps/v1", "Deployment", new ProtoWriter());

        Assert.Throws<UnsupportedProtobufKindException>(() => KubernetesProtobuf.Decode(body));
    }

    public static TheoryData<byte[]> Malformed => new()
    {
        "not protobuf"u8.ToArray(),
        new byte[] { 0x6b, 0x38, 0x73, 0x00, 0x0a, 0xff },
        new byte[] { 0x6b, 0x38, 0x73, 0x00, 0x0a, 0x02, 0x0a },
        new byte[] { 0x6b, 0x38, 0x73, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Decode_ThrowsFormatException_ForMalformedInput(byte[] body) =>
        Assert.Throws<ProtobufFormatException>(() => KubernetesProtobuf.Decode(body));
}
