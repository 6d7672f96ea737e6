namespace KubeBind.Api.Tests;

public sealed class GroupTests
{
    [Fact]
    public void ApiVersion_IsGroupSlashVersion() => Assert.Equal("kube-bind.io/v1alpha2", Group.ApiVersion);
}
