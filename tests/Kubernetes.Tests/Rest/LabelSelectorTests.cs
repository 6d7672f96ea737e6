using KubeBind.Kubernetes.Rest;

namespace KubeBind.Kubernetes.Tests.Rest;

public sealed class LabelSelectorTests
{
    public static TheoryData<string, string> Built => new()
    {
        { LabelSelector.Empty.ToString(), string.Empty },
        { LabelSelector.Empty.Equal("app", "web").ToString(), "app=web" },
        { LabelSelector.Empty.Equal("app", "web").NotEqual("tier", "db").ToString(), "app=web,tier!=db" },
        { LabelSelector.Empty.In("env", "prod", "dev", "prod").ToString(), "env in (dev,prod)" },
        { LabelSelector.Empty.NotIn("env", "test").Exists("kube-bind.io/exported").DoesNotExist("skip").ToString(), "env notin (test),kube-bind.io/exported,!skip" },
        { LabelSelector.FromLabels(new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" }).ToString(), "a=1,b=2" },
        { LabelSelector.Empty.Equal("empty", string.Empty).ToString(), "empty=" },
    };

    [Theory]
    [MemberData(nameof(Built))]
    public void ToString_WritesTheQuerySyntax(string actual, string expected) => Assert.Equal(expected, actual);

    [Theory]
    [InlineData("bad key", "v")]
    [InlineData("-leading", "v")]
    [InlineData("Upper.Case.Prefix/name", "v")]
    [InlineData("ok", "has space")]
    [InlineData("ok", "trailing-")]
    public void Equal_RejectsInvalidKeysAndValues(string key, string value) =>
        Assert.Throws<ArgumentException>(() => LabelSelector.Empty.Equal(key, value));

    [Fact]
    public void In_RequiresAValue() => Assert.Throws<ArgumentException>(() => LabelSelector.Empty.In("env"));
}
