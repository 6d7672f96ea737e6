using System.Text;
using KubeBind.DevApiServer.Api;
using KubeBind.DevApiServer.Http;

namespace KubeBind.DevApiServer.Tests.Http;

public sealed class BodyReaderTests
{
    [Theory]
    [InlineData("""{"a":1,"a":2}""", "application/json")]
    [InlineData("""{"outer":{"b":1,"b":2}}""", "application/json")]
    [InlineData("a: &x [1]\nb: *x\nc: [*x, *x, *x, *x]\n", "application/yaml")]
    public void Decode_ReturnsBadRequestOrAValue_NeverThrowsOtherwise(string body, string contentType)
    {
        var bytes = Encoding.UTF8.GetBytes(body);

        var exception = Record.Exception(() => BodyReader.Decode(bytes, contentType));

        Assert.True(exception is null or ApiException { Reason: "BadRequest" }, exception?.ToString());
    }

    [Fact]
    public void Decode_RejectsDuplicateKeys_AtDecodeTime()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"apiVersion":"v1","kind":"ConfigMap","kind":"Secret"}""");

        var exception = Assert.Throws<ApiException>(() => BodyReader.Decode(bytes, "application/json"));

        Assert.Equal("BadRequest", exception.Reason);
    }

    [Fact]
    public void Decode_ConvertsYamlScalarsLikeTheCoreSchema()
    {
        var node = BodyReader.DecodeObject(Encoding.UTF8.GetBytes("i: 42\nf: 1.5\nb: true\nn: null\ns: \"42\"\nt: hello\n"), "application/yaml");

        Assert.Equal(42, node["i"]!.GetValue<long>());
        Assert.Equal(1.5, node["f"]!.GetValue<double>());
        Assert.True(node["b"]!.GetValue<bool>());
        Assert.Null(node["n"]);
        Assert.Equal("42", node["s"]!.GetValue<string>());
        Assert.Equal("hello", node["t"]!.GetValue<string>());
    }
}
