using KubeBind.Api.Naming;

namespace KubeBind.Api.Tests.Naming;

public sealed class NamesTests
{
    // backend.md §4 identity-hash vectors.
    public static TheoryData<string, string> SpecIdentityVectors => new()
    {
        { "test-id-123", "37p3oxx6sh4fd" },
        { "3f2b5c7e-1d2a-4b8c-9e0f-123456789abc", "2xnx9nqew7sfq" },
        { "http://127.0.0.1:8080/oidc/kube-bind-embedded-user", "3lw6gg1eo1i0m" },
    };

    // "identity-134" hashes to 0x00c6…, exercising upstream's extra leading '0' per leading zero byte.
    public static TheoryData<string> Identities => new()
    {
        "test-id-123",
        "",
        "ünïcödé-identity",
        "identity-134",
    };

    [Theory]
    [MemberData(nameof(SpecIdentityVectors))]
    public void IdentityHash_MatchesSpec_WhenGivenSpecVector(string identity, string expected)
    {
        var hash = Names.IdentityHash(identity);

        Assert.Equal(expected, hash);
    }

    [Theory]
    [MemberData(nameof(SpecIdentityVectors))]
    public void ContractNamespace_MatchesPython_WhenGivenSpecVector(string identity, string expected)
    {
        var independent = PythonContractNamespace("kube-bind-", identity);

        var name = Names.ContractNamespace("kube-bind-", identity);

        Assert.Equal(independent, name);
        Assert.Equal("kube-bind-" + expected, name);
    }

    [Fact]
    public void IdentityHash_MatchesPython_WhenHashStartsWithZeroBytes()
    {
        var identities = Enumerable.Range(0, 2000).Select(i => $"identity-{i}").ToList();

        var expected = PythonIdentityHashes(identities);

        Assert.Equal(expected, identities.Select(Names.IdentityHash).ToList());
        Assert.Contains(expected, hash => hash.StartsWith('0'));
    }

    [Fact]
    public void IdentityHash_PrependsZero_WhenHashStartsWithZeroByte()
    {
        // SHA-224("identity-134") starts 00c63e867d89cd55; base 36 of the integer is "f9fqaaoh3rp".
        var hash = Names.IdentityHash("identity-134");

        Assert.Equal("0f9fqaaoh3rp", hash);
    }

    [Theory]
    [MemberData(nameof(Identities))]
    public void IdentityHash_IsAtMostThirteenLowerCaseBase36Chars_WhenGivenAnyIdentity(string identity)
    {
        var hash = Names.IdentityHash(identity);

        Assert.InRange(hash.Length, 1, 13);
        Assert.Equal(hash, PythonIdentityHashes([identity]).Single());
        Assert.All(hash, c => Assert.True(char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c), $"unexpected '{c}' in {hash}"));
    }

    [Theory]
    [InlineData("", "configmaps", "configmaps.core")]
    [InlineData("example.com", "widgets", "widgets.example.com")]
    [InlineData("apps", "deployments", "deployments.apps")]
    public void BoundSchemaName_IsResourceDotGroup_WhenGivenGroupResource(string group, string resource, string expected)
    {
        var name = Names.BoundSchemaName(group, resource);

        Assert.Equal(expected, name);
    }

    [Theory]
    [InlineData("Prefixed", "kube-bind-zlp9m-default")]
    [InlineData("Namespaced", "kube-bind-zlp9m-default")]
    [InlineData("None", "default")]
    [InlineData("", "default")]
    [InlineData(null, "default")]
    [InlineData("prefixed", "default")]
    public void ServiceNamespace_FollowsIsolation_WhenGivenIsolation(string? isolation, string expected)
    {
        var name = Names.ServiceNamespace("kube-bind-zlp9m", "default", isolation);

        Assert.Equal(expected, name);
    }

    [Fact]
    public void PrefixedObjectName_MatchesKonnectorExample_WhenPrefixed()
    {
        var name = Names.PrefixedObjectName("kube-bind-zlp9m", "example-foo");

        Assert.Equal("kube-bind-zlp9m-example-foo", name);
    }

    [Theory]
    [InlineData("kube-bind-zlp9m-example-foo", true, "example-foo")]
    [InlineData("kube-bind-zlp9m-", false, "")]
    [InlineData("kube-bind-zlp9mx-example-foo", false, "")]
    [InlineData("kube-bind-other-example-foo", false, "")]
    [InlineData("example-foo", false, "")]
    public void TryGetConsumerObjectName_StripsOnlyOwnPrefix_WhenGivenProviderName(string providerName, bool expectedFound, string expectedName)
    {
        var found = Names.TryGetConsumerObjectName("kube-bind-zlp9m", providerName, out var consumerName);

        Assert.Equal(expectedFound, found);
        Assert.Equal(expectedName, consumerName);
    }

    [Fact]
    public void DerivedNames_MatchSpecFormats_WhenGivenExport()
    {
        Assert.Equal("kube-binder-resources-kube-bind-zlp9m-widgets", Names.ExportResourcesClusterRole("kube-bind-zlp9m", "widgets"));
        Assert.Equal("kube-binder-claims-kube-bind-zlp9m-widgets", Names.ExportClaimsClusterRole("kube-bind-zlp9m", "widgets"));
        Assert.Equal("kube-binder-claims-widgets", Names.ExportClaimsRole("widgets"));
        Assert.Equal("my-brr-binding-response", Names.BindingResponseSecret("my-brr"));
        Assert.Equal("kubeconfig-abc", Names.ConsumerKubeconfigSecret("abc"));
        Assert.Equal("kube-bind-zlp9m/default", Names.ApiServiceNamespaceReference("kube-bind-zlp9m", "default"));
        Assert.Equal("kube-bind-zlp9m-default", Names.IsolatedServiceNamespace("kube-bind-zlp9m", "default"));
    }

    [Fact]
    public void Finalizer_HasNoDash_WhenComparedWithUpstream()
    {
        Assert.Equal("kubebind.io/syncer", Finalizers.Syncer);
    }

    // Independent port of upstream: big-endian int of sha224[:8], base 36, one extra '0' per leading zero byte.
    private const string PythonHashFunction =
        "import hashlib, sys\n" +
        "def h(identity):\n" +
        "    b = hashlib.sha224(identity.encode('utf-8')).digest()[:8]\n" +
        "    n = int.from_bytes(b, 'big')\n" +
        "    digits = ''\n" +
        "    while n > 0:\n" +
        "        n, r = divmod(n, 36)\n" +
        "        digits = '0123456789abcdefghijklmnopqrstuvwxyz'[r] + digits\n" +
        "    zeros = len(b) - len(b.lstrip(b'\\x00'))\n" +
        "    return '0' * zeros + digits\n";

    private static string PythonContractNamespace(string prefix, string identity) =>
        ExternalTools.Python(PythonHashFunction + $"print({PyString(prefix)} + h({PyString(identity)}))").TrimEnd('\n');

    private static List<string> PythonIdentityHashes(IEnumerable<string> identities) =>
        [.. ExternalTools.Python(PythonHashFunction + "for i in [" + string.Join(",", identities.Select(PyString)) + "]: print(h(i))")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    // A JSON string literal is a valid Python string literal for these inputs.
    private static string PyString(string value) => System.Text.Json.JsonSerializer.Serialize(value);
}
