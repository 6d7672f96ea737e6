using KubeBind.WatchBridge.Hosting;

namespace KubeBind.WatchBridge.Tests.Hosting;

public sealed class WatchBridgeOptionsValidatorTests
{
    // Case name → how it spoils the defaults; the case name starts with the setting the failure must name.
    private static readonly Dictionary<string, Action<WatchBridgeOptions>> Spoilers = new()
    {
        ["Kubernetes:Kubeconfig missing"] = o => o.Kubernetes.Kubeconfig = "/nonexistent/kubeconfig",
        ["AzureWebJobsStorage blank"] = o => o.AzureWebJobsStorage = " ",
        ["AzureWebJobsStorage without key"] = o => o.AzureWebJobsStorage = "AccountName=provider",
        ["ResyncPeriod zero"] = o => o.ResyncPeriod = TimeSpan.Zero,
        ["Workers zero"] = o => o.Workers = 0,
        ["Lease:Namespace empty"] = o => o.Lease.Namespace = string.Empty,
        ["Lease:Name empty"] = o => o.Lease.Name = string.Empty,
        ["Lease:RetryPeriod zero"] = o => o.Lease.RetryPeriod = TimeSpan.Zero,
        ["Lease:RenewDeadline too short"] = o => o.Lease.RenewDeadline = TimeSpan.FromSeconds(2),
        ["Lease:Duration too short"] = o => o.Lease.Duration = TimeSpan.FromSeconds(10),
        ["HealthUrl https"] = o => o.HealthUrl = "https://127.0.0.1:8090",
        ["HealthUrl host name"] = o => o.HealthUrl = "http://bridge.example.com:8090",
        ["HealthUrl path"] = o => o.HealthUrl = "http://127.0.0.1:8090/probes",
        ["HealthUrl garbage"] = o => o.HealthUrl = "not a url",
    };

    public static TheoryData<string> InvalidSettings => new(Spoilers.Keys);

    [Fact]
    public void Validate_Succeeds_WhenTheDefaultsAreUsed()
    {
        var result = new WatchBridgeOptionsValidator().Validate(null, new WatchBridgeOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Validate_NamesTheSetting_WhenItIsInvalid(string invalidCase)
    {
        var options = new WatchBridgeOptions();
        Spoilers[invalidCase](options);
        var setting = invalidCase.Split(' ')[0];

        var result = new WatchBridgeOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(setting + ": ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://127.0.0.1:0", "127.0.0.1", 0)]
    [InlineData("http://0.0.0.0:8090", "0.0.0.0", 8090)]
    [InlineData("http://*:8090", "0.0.0.0", 8090)]
    [InlineData("http://localhost:9000/", "localhost", 9000)]
    [InlineData("http://[::1]:8090", "[::1]", 8090)]
    public void TryParseHealthUrl_ReturnsHostAndPort_WhenTheUrlIsValid(string url, string host, int port)
    {
        var parsed = WatchBridgeOptionsValidator.TryParseHealthUrl(url, out var endpoint, out var error);

        Assert.True(parsed, error);
        Assert.Equal((host, port), endpoint);
    }
}
