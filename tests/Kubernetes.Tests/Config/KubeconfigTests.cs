using System.Text.Json;
using KubeBind.Kubernetes.Config;
using KubeBind.Testing;

namespace KubeBind.Kubernetes.Tests.Config;

public sealed class KubeconfigTests
{
    [Fact]
    public async Task Save_RoundTripsThroughTheLoader_ForAServerCaAndToken()
    {
        using var directory = new TempDirectory();
        var path = directory.File("kubeconfig");
        var kubeconfig = Kubeconfig.ForToken("consumer", new Uri("https://127.0.0.1:6443/clusters/a"), ConfigTestData.Read("certs/ca.crt"), "123", "team-b");

        kubeconfig.Save(path);

        var configuration = KubernetesConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [path] });
        var credential = await configuration.Credentials!.GetAsync(CancellationToken.None);
        Assert.Equal(kubeconfig, Kubeconfig.Load(path), new KubeconfigComparer());
        Assert.Equal(new Uri("https://127.0.0.1:6443/clusters/a"), configuration.Server);
        Assert.Equal(ConfigTestData.Read("certs/ca.crt"), configuration.CertificateAuthorityPem);
        Assert.Equal("team-b", configuration.Namespace);
        Assert.Equal("123", credential.Authorization!.Parameter);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task Save_WritesAFileKubectlReads_WhenViewedWithKubectlConfigView()
    {
        using var directory = new TempDirectory();
        var path = directory.File("kubeconfig");
        Kubeconfig.ForToken("consumer", new Uri("https://127.0.0.1:6443"), ConfigTestData.Read("certs/ca.crt"), "true", "team-b").Save(path);

        var json = await new Kubectl(path, directory.File("cache")).SucceedAsync("config", "view", "--raw", "-o", "json");

        using var view = JsonDocument.Parse(json);
        var root = view.RootElement;
        Assert.Equal("consumer", root.GetProperty("current-context").GetString());
        Assert.Equal("https://127.0.0.1:6443/", root.GetProperty("clusters")[0].GetProperty("cluster").GetProperty("server").GetString());
        Assert.Equal("true", root.GetProperty("users")[0].GetProperty("user").GetProperty("token").GetString());
        Assert.Equal("team-b", root.GetProperty("contexts")[0].GetProperty("context").GetProperty("namespace").GetString());
    }

    [Fact]
    public void MergeIntoFile_ReplacesOneEntryAndKeepsTheRest_WhenTheFileExists()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("config", ConfigTestData.Read("all.yaml"));

        Kubeconfig.MergeIntoFile(
            path,
            new NamedCluster("main", new KubeconfigCluster { Server = "https://new.example" }),
            new NamedUser("new-user", new KubeconfigUser { Token = "new" }),
            new NamedContext("new", new KubeconfigContext { Cluster = "main", User = "new-user" }),
            setCurrentContext: true);

        var merged = Kubeconfig.Load(path);
        var original = Kubeconfig.Load(ConfigTestData.PathOf("all.yaml"));
        Assert.Equal("new", merged.CurrentContext);
        Assert.Equal(original.Clusters.Count, merged.Clusters.Count);
        Assert.Equal("https://new.example", merged.Clusters.Single(c => c.Name == "main").Cluster.Server);
        Assert.Equal(original.Users.Count + 1, merged.Users.Count);
        Assert.Equal(original.Contexts.Count + 1, merged.Contexts.Count);
        Assert.Equal(original.Users[0], merged.Users[0]);
    }

    [Fact]
    public void MergeIntoFile_CreatesTheFile_WhenItDoesNotExist()
    {
        using var directory = new TempDirectory();
        var path = directory.File("sub/config");

        Kubeconfig.MergeIntoFile(path, new NamedCluster("c", new KubeconfigCluster { Server = "https://c.example" }), null, null);

        var written = Kubeconfig.Load(path);
        Assert.Equal("https://c.example", Assert.Single(written.Clusters).Cluster.Server);
        Assert.Null(written.CurrentContext);
    }

    private sealed class KubeconfigComparer : IEqualityComparer<Kubeconfig>
    {
        public bool Equals(Kubeconfig? x, Kubeconfig? y) =>
            x is not null && y is not null && x.CurrentContext == y.CurrentContext
            && x.Clusters.SequenceEqual(y.Clusters) && x.Users.SequenceEqual(y.Users) && x.Contexts.SequenceEqual(y.Contexts);

        public int GetHashCode(Kubeconfig obj) => obj.CurrentContext?.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
