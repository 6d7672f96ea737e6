using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Apply;

namespace KubeBind.DevApiServer.Tests.Apply;

public class PathElementTests
{
    public static TheoryData<string, string, string> Elements => new()
    {
        // FieldsV1 key as written (possibly unsorted), SMD string form, FieldsV1 key as re-written.
        { "f:image", ".image", "f:image" },
        { """k:{"protocol":"TCP","containerPort":80}""", """[containerPort=80,protocol="TCP"]""", """k:{"containerPort":80,"protocol":"TCP"}""" },
        { """v:"example.com/cleanup" """.Trim(), """[="example.com/cleanup"]""", """v:"example.com/cleanup" """.Trim() },
        { "v:1.5", "[=1.5]", "v:1.5" },
        { "v:1.0", "[=1]", "v:1" },
        { "v:true", "[=true]", "v:true" },
        { "i:3", "[3]", "i:3" },
        { """v:"a\"b<" """.Trim(), """[="a\"b<"]""", """v:"a\"b\u003c" """.Trim() },
    };

    [Theory]
    [MemberData(nameof(Elements))]
    public void ToString_MatchesSmdForms_WhenParsedFromFieldsV1Key(string key, string expectedString, string expectedKey)
    {
        var element = PathElement.ParseFieldsV1Key(key)!;

        var text = element.ToString();

        Assert.Equal(expectedString, text);
        Assert.Equal(expectedKey, element.ToFieldsV1Key());
    }

    [Fact]
    public void CompareTo_OrdersFieldsBeforeKeysValuesAndIndexes_WhenKindsDiffer()
    {
        PathElement[] elements =
        [
            PathElement.ForIndex(0),
            PathElement.ForValue(JsonValue.Create("a")),
            PathElement.ForKey([new("name", JsonValue.Create("x"))]),
            PathElement.ForField("z"),
        ];

        var sorted = elements.Order().Select(e => e.Kind).ToArray();

        Assert.Equal([PathElementKind.Field, PathElementKind.Key, PathElementKind.Value, PathElementKind.Index], sorted);
    }

    [Fact]
    public void CompareTo_PutsNumbersBeforeStrings_WhenValuesDiffer()
    {
        var number = PathElement.ForValue(JsonValue.Create(10));
        var text = PathElement.ForValue(JsonValue.Create("1"));

        var order = number.CompareTo(text);

        Assert.True(order < 0);
    }

    [Fact]
    public void ParseFieldsV1Key_ReturnsNull_WhenPrefixIsUnknown()
    {
        var element = PathElement.ParseFieldsV1Key("x:whatever");

        Assert.Null(element);
    }
}
