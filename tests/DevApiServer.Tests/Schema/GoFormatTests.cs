using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Schema;

namespace KubeBind.DevApiServer.Tests.Schema;

public sealed class GoFormatTests
{
    [Fact]
    public void GoSyntax_SortsKeysAndNamesTypes_WhenGivenNestedValues()
    {
        var value = JsonNode.Parse("""{"b":[1,"x",null],"a":{"c":true,"d":1.5}}""");

        var text = GoFormat.GoSyntax(value);

        Assert.Equal("map[string]interface {}{\"a\":map[string]interface {}{\"c\":true, \"d\":1.5}, \"b\":[]interface {}{1, \"x\", interface {}(nil)}}", text);
    }

    [Fact]
    public void Json_MarshalsLikeEncodingJson_WhenGivenNestedValues()
    {
        var value = JsonNode.Parse("""{"b":"<&>","a":[1.0,2.5]}""");

        var text = GoFormat.Json(value);

        Assert.Equal("{\"a\":[1,2.5],\"b\":\"\\u003c\\u0026\\u003e\"}", text);
    }
}
