using System.Text;
using KubeBind.Kubernetes.Config;

namespace KubeBind.Kubernetes.Tests.Config;

public sealed class KubeconfigLoaderTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    private static KubernetesConfiguration LoadAll(string? context = null) =>
        KubernetesConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [ConfigTestData.PathOf("all.yaml")], Context = context, Environment = NoEnvironment });

    [Fact]
    public async Task FromKubeconfig_UsesCurrentContextServerCaTokenAndNamespace_WhenNothingIsOverridden()
    {
        var configuration = LoadAll();

        var credential = await configuration.Credentials!.GetAsync(CancellationToken.None);
        Assert.Equal("token", configuration.ContextName);
        Assert.Equal(new Uri("https://127.0.0.1:6443/clusters/a"), configuration.Server);
        Assert.Equal(ConfigTestData.Read("certs/ca.crt"), configuration.CertificateAuthorityPem);
        Assert.Equal("team-a", configuration.Namespace);
        Assert.Equal("Bearer abc", credential.Authorization!.ToString());
        Assert.Null(configuration.ClientCertificate);
    }

    [Fact]
    public async Task FromKubeconfig_ReadsDataFieldsServerNameProxyAndTokenFile_WhenTheContextUsesThem()
    {
        var configuration = LoadAll("tokenfile");

        var credential = await configuration.Credentials!.GetAsync(CancellationToken.None);
        Assert.Equal(ConfigTestData.Read("certs/ca.crt"), configuration.CertificateAuthorityPem);
        Assert.Equal("kubernetes.default.svc", configuration.TlsServerName);
        Assert.Equal(new Uri("http://proxy.example:3128"), configuration.Proxy);
        Assert.Equal("default", configuration.Namespace);
        Assert.Equal("Bearer from-file", credential.Authorization!.ToString());
        Assert.IsType<TokenFileCredentialProvider>(configuration.Credentials);
    }

    [Fact]
    public async Task FromKubeconfig_SendsBasicAuthAndSkipsVerification_WhenTheUserHasAPassword()
    {
        var configuration = LoadAll("basic");

        var credential = await configuration.Credentials!.GetAsync(CancellationToken.None);
        Assert.True(configuration.InsecureSkipTlsVerify);
        Assert.Null(configuration.CertificateAuthorityPem);
        Assert.Equal("Basic", credential.Authorization!.Scheme);
        Assert.Equal("alice:s3cret", Encoding.UTF8.GetString(Convert.FromBase64String(credential.Authorization.Parameter!)));
    }

    public static TheoryData<string, string> ClientCertificates => new()
    {
        { "rsa-files", "O=system:masters, CN=rsa-user" },
        { "rsa-pkcs8-data", "O=system:masters, CN=rsa-user" },
        { "ec-data", "CN=ec-user" },
    };

    [Theory]
    [MemberData(nameof(ClientCertificates))]
    public void FromKubeconfig_LoadsTheClientCertificateWithItsKey_ForEachKeyFormat(string context, string subject)
    {
        var configuration = LoadAll(context);

        Assert.NotNull(configuration.ClientCertificate);
        Assert.Equal(subject, configuration.ClientCertificate.Subject);
        Assert.True(configuration.ClientCertificate.HasPrivateKey);
        Assert.Null(configuration.Credentials);
    }

    [Fact]
    public async Task FromKubeconfig_CombinesCertificateAndToken_WhenTheUserHasBoth()
    {
        var configuration = LoadAll("cert-and-token");

        var credential = await configuration.Credentials!.GetAsync(CancellationToken.None);
        Assert.IsType<CompositeCredentialProvider>(configuration.Credentials);
        Assert.Equal("Bearer xyz", credential.Authorization!.ToString());
        Assert.Equal("CN=ec-user", credential.ClientCertificate!.Subject);
        Assert.Same(configuration.ClientCertificate, credential.ClientCertificate);
    }

    [Fact]
    public void FromKubeconfig_SendsNoCredentials_WhenTheContextHasNoUser()
    {
        var configuration = LoadAll("anonymous");

        Assert.Null(configuration.Credentials);
        Assert.Null(configuration.ClientCertificate);
    }

    [Fact]
    public async Task FromKubeconfig_AppliesClusterUserAndNamespaceOverrides_WhenGiven()
    {
        var options = new KubeconfigOptions
        {
            Paths = [ConfigTestData.PathOf("all.yaml")],
            Cluster = "insecure",
            User = "basic-user",
            Namespace = "override",
            Environment = NoEnvironment,
        };

        var configuration = KubernetesConfiguration.FromKubeconfig(options);

        var credential = await configuration.Credentials!.GetAsync(CancellationToken.None);
        Assert.Equal("token", configuration.ContextName);
        Assert.Equal(new Uri("https://10.0.0.2:8443"), configuration.Server);
        Assert.Equal("override", configuration.Namespace);
        Assert.Equal("Basic", credential.Authorization!.Scheme);
    }

    [Fact]
    public async Task FromKubeconfig_LetsTheFirstFileWin_WhenKubeconfigListsSeveral()
    {
        var kubeconfig = string.Join(Path.PathSeparator, ConfigTestData.PathOf("merge/first.yaml"), ConfigTestData.PathOf("merge/missing.yaml"), ConfigTestData.PathOf("merge/second/second.yaml"));
        var environment = ConfigTestData.Environment(("KUBECONFIG", kubeconfig));

        var shared = KubernetesConfiguration.FromKubeconfig(new KubeconfigOptions { Environment = environment });
        var second = KubernetesConfiguration.FromKubeconfig(new KubeconfigOptions { Environment = environment, Context = "only-second" });

        var credential = await second.Credentials!.GetAsync(CancellationToken.None);
        Assert.Equal("shared", shared.ContextName);
        Assert.Equal(new Uri("https://first.example"), shared.Server);
        Assert.Equal("from-first", shared.Namespace);
        Assert.Equal(new Uri("https://second.example:6443"), second.Server);
        Assert.Equal(ConfigTestData.Read("certs/ca.crt"), second.CertificateAuthorityPem);
        Assert.Equal("Bearer second-token", credential.Authorization!.ToString());
    }

    [Fact]
    public void FromKubeconfig_TakesCurrentContextFromALaterFile_WhenTheFirstHasNone()
    {
        var kubeconfig = string.Join(Path.PathSeparator, ConfigTestData.PathOf("merge/no-current.yaml"), ConfigTestData.PathOf("merge/second/second.yaml"));

        var configuration = KubernetesConfiguration.FromKubeconfig(new KubeconfigOptions { Environment = ConfigTestData.Environment(("KUBECONFIG", kubeconfig)) });

        Assert.Equal("only-second", configuration.ContextName);
    }

    [Fact]
    public void FromKubeconfig_ReadsHomeKubeConfig_WhenKubeconfigIsNotSet()
    {
        using var home = new TempDirectory();
        Directory.CreateDirectory(home.File(".kube"));
        File.Copy(ConfigTestData.PathOf("merge/first.yaml"), home.File(".kube/config"));

        var configuration = KubernetesConfiguration.FromKubeconfig(new KubeconfigOptions { Environment = ConfigTestData.Environment(("HOME", home.Path)) });

        Assert.Equal(new Uri("https://first.example"), configuration.Server);
    }

    public static TheoryData<string, string, string> Errors => new()
    {
        { "prod", "contexts[prod].context.user", "context \"prod\" refers to user \"admin\", which is not defined" },
        { "no-cluster-entry", "contexts[no-cluster-entry].context.cluster", "context \"no-cluster-entry\" refers to cluster \"gone\", which is not defined" },
        { "bad-base64", "clusters[bad-base64].cluster.certificate-authority-data", "certificate-authority-data is not valid base64" },
        { "bad-pem", "clusters[bad-pem].cluster.certificate-authority-data", "certificate-authority-data does not hold a PEM certificate" },
        { "no-server", "clusters[no-server].cluster.server", "server is not set" },
        { "bad-key", "users[bad-key].user.client-key-data", "client-key-data does not match" },
        { "cert-only", "users[cert-only].user.client-key", "client-key is not set" },
        { "two-methods", "users[two-methods].user.username", "only one is allowed" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void FromKubeconfig_ThrowsNamingFileContextAndField_WhenTheConfigIsWrong(string context, string field, string problem)
    {
        var path = ConfigTestData.PathOf("errors.yaml");

        var error = Assert.Throws<KubeconfigException>(() => KubernetesConfiguration.FromKubeconfig(new KubeconfigOptions
        {
            Paths = [path],
            Context = context == "prod" ? null : context,
            Environment = NoEnvironment,
        }));

        Assert.Equal(path, error.Path);
        Assert.Equal(context, error.Context);
        Assert.Equal(field, error.Field);
        Assert.StartsWith($"kubeconfig {path}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromKubeconfig_ThrowsNamingTheContext_WhenTheChosenContextIsMissing()
    {
        var error = Assert.Throws<KubeconfigException>(() => LoadAll("nope"));

        Assert.Equal("nope", error.Context);
        Assert.Contains("context \"nope\" is not defined", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromKubeconfig_ThrowsNamingTheFile_WhenAnExplicitFileIsMissing()
    {
        var path = ConfigTestData.PathOf("missing.yaml");

        var error = Assert.Throws<KubeconfigException>(() => KubernetesConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [path] }));

        Assert.Equal(path, error.Path);
    }
}
