namespace KubeBind.Kubernetes.Tests;

public sealed class CredentialTests
{
    [Fact]
    public void Bearer_BuildsTheAuthorizationHeader()
    {
        var credential = Credential.Bearer("abc");

        Assert.Equal("Bearer", credential.Authorization!.Scheme);
        Assert.Equal("abc", credential.Authorization.Parameter);
        Assert.Null(credential.ClientCertificate);
    }
}
