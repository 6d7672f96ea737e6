using System.Text.Json;
using KubeBind.Kubernetes.Config;

namespace KubeBind.Kubernetes.Tests.Config;

public sealed class ExecCredentialProviderTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static KubeconfigExec Exec(ExecPlugin plugin, string apiVersion, params (string Name, string Value)[] env) => new()
    {
        ApiVersion = apiVersion,
        Command = plugin.Command,
        Args = ["arg-one", "arg two"],
        Env = [new KubeconfigExecEnv("API", apiVersion), .. env.Select(e => new KubeconfigExecEnv(e.Name, e.Value))],
        InteractiveMode = "Never",
        InstallHint = "install the plugin from example.com",
    };

    public static TheoryData<string> ApiVersions => new() { ExecCredentialProvider.V1, ExecCredentialProvider.V1Beta1 };

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(ApiVersions))]
    public async Task GetAsync_RunsThePluginOnceWithArgsAndEnv_WhenTheTokenDoesNotExpire(string apiVersion)
    {
        using var plugin = new ExecPlugin();
        var provider = new ExecCredentialProvider(Exec(plugin, apiVersion));

        var first = await provider.GetAsync(CancellationToken.None);
        var second = await provider.GetAsync(CancellationToken.None);

        Assert.Equal("tok-arg-one-1", first.Authorization!.Parameter);
        Assert.Same(first, second);
        Assert.Equal(1, plugin.Invocations);
        Assert.Equal("arg-one\narg two\n", plugin.Args);
        using var info = JsonDocument.Parse(plugin.ExecInfo);
        Assert.Equal(apiVersion, info.RootElement.GetProperty("apiVersion").GetString());
        Assert.False(info.RootElement.GetProperty("spec").GetProperty("interactive").GetBoolean());
        Assert.False(info.RootElement.GetProperty("spec").TryGetProperty("cluster", out _));
    }

    [Fact(Timeout = 30_000)]
    public async Task GetAsync_RunsThePluginAgain_WhenTheTokenExpiresOrIsInvalidated()
    {
        using var plugin = new ExecPlugin();
        var clock = new ManualTimeProvider(Start);
        var provider = new ExecCredentialProvider(Exec(plugin, ExecCredentialProvider.V1, ("EXPIRY", "2030-01-01T00:10:00Z")), timeProvider: clock);

        var first = await provider.GetAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(9));
        var cached = await provider.GetAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1));
        var refreshed = await provider.GetAsync(CancellationToken.None);
        provider.Invalidate();
        var afterInvalidate = await provider.GetAsync(CancellationToken.None);

        Assert.Equal("tok-arg-one-1", first.Authorization!.Parameter);
        Assert.Equal("tok-arg-one-1", cached.Authorization!.Parameter);
        Assert.Equal("tok-arg-one-2", refreshed.Authorization!.Parameter);
        Assert.Equal("tok-arg-one-3", afterInvalidate.Authorization!.Parameter);
    }

    [Fact(Timeout = 30_000)]
    public async Task GetAsync_PassesTheClusterInKubernetesExecInfo_WhenProvideClusterInfoIsSet()
    {
        using var plugin = new ExecPlugin();
        var cluster = new KubeconfigCluster { Server = "https://127.0.0.1:6443/prefix", TlsServerName = "kubernetes", CertificateAuthorityData = "Y2E=" };
        var provider = new ExecCredentialProvider(Exec(plugin, ExecCredentialProvider.V1Beta1) with { ProvideClusterInfo = true }, cluster);

        await provider.GetAsync(CancellationToken.None);

        using var info = JsonDocument.Parse(plugin.ExecInfo);
        var sent = info.RootElement.GetProperty("spec").GetProperty("cluster");
        Assert.Equal("https://127.0.0.1:6443/prefix", sent.GetProperty("server").GetString());
        Assert.Equal("kubernetes", sent.GetProperty("tls-server-name").GetString());
        Assert.Equal("Y2E=", sent.GetProperty("certificate-authority-data").GetString());
    }

    [Fact(Timeout = 30_000)]
    public async Task GetAsync_ReturnsTheClientCertificate_WhenThePluginPrintsOne()
    {
        using var plugin = new ExecPlugin();
        var provider = new ExecCredentialProvider(Exec(plugin, ExecCredentialProvider.V1,
            ("CERT_FILE", ConfigTestData.PathOf("certs/client-ec.crt")), ("KEY_FILE", ConfigTestData.PathOf("certs/client-ec.key"))));

        var credential = await provider.GetAsync(CancellationToken.None);

        Assert.Equal("CN=ec-user", credential.ClientCertificate!.Subject);
        Assert.True(credential.ClientCertificate.HasPrivateKey);
    }

    [Fact(Timeout = 30_000)]
    public async Task GetAsync_ThrowsWithCommandExitCodeStderrAndHint_WhenThePluginFails()
    {
        using var plugin = new ExecPlugin();
        var provider = new ExecCredentialProvider(Exec(plugin, ExecCredentialProvider.V1, ("FAIL", "no login")));

        var error = await Assert.ThrowsAsync<ExecCredentialException>(async () => await provider.GetAsync(CancellationToken.None));

        Assert.Equal(3, error.ExitCode);
        Assert.Contains("boom: no login", error.StandardError, StringComparison.Ordinal);
        Assert.Contains(plugin.Command, error.Message, StringComparison.Ordinal);
        Assert.Contains("exited with code 3", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("install the plugin from example.com", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task GetAsync_ThrowsWithTheInstallHint_WhenTheCommandDoesNotExist()
    {
        using var plugin = new ExecPlugin();
        var provider = new ExecCredentialProvider(Exec(plugin, ExecCredentialProvider.V1) with { Command = "kubebind-no-such-plugin" });

        var error = await Assert.ThrowsAsync<ExecCredentialException>(async () => await provider.GetAsync(CancellationToken.None));

        Assert.Null(error.ExitCode);
        Assert.Contains("kubebind-no-such-plugin", error.Message, StringComparison.Ordinal);
        Assert.Contains("install the plugin from example.com", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task GetAsync_RefusesToRun_WhenThePluginMustBeInteractive()
    {
        using var plugin = new ExecPlugin();
        var provider = new ExecCredentialProvider(Exec(plugin, ExecCredentialProvider.V1) with { InteractiveMode = "Always" });

        var error = await Assert.ThrowsAsync<ExecCredentialException>(async () => await provider.GetAsync(CancellationToken.None));

        Assert.Contains("interactiveMode is Always", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, plugin.Invocations);
    }

    [Fact(Timeout = 30_000)]
    public async Task FromKubeconfig_RunsARelativeExecCommandFromTheKubeconfigDirectory_WhenWrittenByKubeconfig()
    {
        using var plugin = new ExecPlugin();
        var path = Path.Combine(plugin.Directory, "kubeconfig");
        var kubeconfig = new Kubeconfig
        {
            CurrentContext = "exec",
            Clusters = [new NamedCluster("exec", new KubeconfigCluster { Server = "https://127.0.0.1:6443" })],
            Users = [new NamedUser("exec", new KubeconfigUser { Exec = Exec(plugin, ExecCredentialProvider.V1) with { Command = "./plugin.sh" } })],
            Contexts = [new NamedContext("exec", new KubeconfigContext { Cluster = "exec", User = "exec" })],
        };
        kubeconfig.Save(path);

        var configuration = KubernetesConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [path] });
        var credential = await configuration.Credentials!.GetAsync(CancellationToken.None);

        Assert.Equal("tok-arg-one-1", credential.Authorization!.Parameter);
    }
}
