using KubeBind.Kubernetes.Config;

namespace KubeBind.Kubernetes.Tests.Config;

public sealed class InClusterLoaderTests
{
    [Fact]
    public async Task InCluster_BuildsServerCaNamespaceAndRotatingToken_FromTheServiceAccountDirectory()
    {
        using var directory = new TempDirectory();
        var tokenPath = directory.Write("token", "sa-token-1");
        directory.Write("ca.crt", ConfigTestData.Read("certs/ca.crt"));
        directory.Write("namespace", "kube-bind\n");
        var options = new InClusterOptions
        {
            ServiceAccountDirectory = directory.Path,
            Environment = ConfigTestData.Environment(("KUBERNETES_SERVICE_HOST", "10.96.0.1"), ("KUBERNETES_SERVICE_PORT", "443")),
            TimeProvider = new ManualTimeProvider(DateTimeOffset.UnixEpoch),
        };

        var configuration = KubernetesConfiguration.InCluster(options);
        var first = await configuration.Credentials!.GetAsync(CancellationToken.None);
        File.WriteAllText(tokenPath, "sa-token-2");
        File.SetLastWriteTimeUtc(tokenPath, DateTime.UtcNow.AddHours(1));
        var rotated = await configuration.Credentials.GetAsync(CancellationToken.None);

        Assert.Equal(new Uri("https://10.96.0.1:443"), configuration.Server);
        Assert.Equal(ConfigTestData.Read("certs/ca.crt"), configuration.CertificateAuthorityPem);
        Assert.Equal("kube-bind", configuration.Namespace);
        Assert.Equal("sa-token-1", first.Authorization!.Parameter);
        Assert.Equal("sa-token-2", rotated.Authorization!.Parameter);
    }

    [Fact]
    public void InCluster_BracketsTheHost_WhenItIsIPv6()
    {
        using var directory = new TempDirectory();
        directory.Write("token", "t");

        var configuration = KubernetesConfiguration.InCluster(new InClusterOptions
        {
            ServiceAccountDirectory = directory.Path,
            Environment = ConfigTestData.Environment(("KUBERNETES_SERVICE_HOST", "fd00::1"), ("KUBERNETES_SERVICE_PORT", "6443")),
        });

        Assert.Equal("https://[fd00::1]:6443/", configuration.Server.ToString());
        Assert.Equal("default", configuration.Namespace);
    }

    [Fact]
    public void InCluster_ThrowsAClearError_WhenNotInAPod()
    {
        var error = Assert.Throws<KubeconfigException>(() => KubernetesConfiguration.InCluster(new InClusterOptions { Environment = _ => null }));

        Assert.Contains("KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be defined", error.Message, StringComparison.Ordinal);
    }
}
