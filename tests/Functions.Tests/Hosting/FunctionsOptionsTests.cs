using KubeBind.Functions.Hosting;
using KubeBind.Functions.Tests.Support;
using Microsoft.Extensions.Options;

namespace KubeBind.Functions.Tests.Hosting;

/// <summary>Settings come from the command line and environment and are checked before the app serves anything.</summary>
public sealed class FunctionsOptionsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("functions-options-").FullName;

    public static TheoryData<string, string> BadSettings => new()
    {
        { "--Kubernetes:Kubeconfig=/nonexistent/kubeconfig", "Kubernetes:Kubeconfig='/nonexistent/kubeconfig' does not exist" },
        { "--StandaloneUrl=https://127.0.0.1:0", "StandaloneUrl='https://127.0.0.1:0' must be an http URL" },
        { "--StandaloneUrl=http://127.0.0.1:0/prefix", "must be an http URL without a path" },
        { "--FUNCTIONS_CUSTOMHANDLER_PORT=70000", "FUNCTIONS_CUSTOMHANDLER_PORT=70000 is not a TCP port" },
        { "--AzureWebJobsStorage=not a connection string", "AzureWebJobsStorage: invalid Storage connection string" },
        { "--HostJsonPath=/nonexistent/host.json", "HostJsonPath='/nonexistent/host.json' does not exist" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Start_FailsWithTheSettingNamed_WhenASettingIsBad(string argument, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(["--StandaloneUrl=http://127.0.0.1:0", argument]));

        Assert.Contains(error.Failures, f => f.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_Fails_WhenInClusterAndKubeconfigAreBothSet()
    {
        var kubeconfig = Path.Combine(_directory, "kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, "apiVersion: v1\nkind: Config\n");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TestApp.StartAsync(["--StandaloneUrl=http://127.0.0.1:0", "--Kubernetes:InCluster=true", $"--Kubernetes:Kubeconfig={kubeconfig}"]));

        Assert.Contains(error.Failures, f => f.Contains("choose one", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Options_AreBoundFromTheCommandLine_WithDefaultsForTheRest()
    {
        var kubeconfig = Path.Combine(_directory, "kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, "apiVersion: v1\nkind: Config\n");

        await using var app = await TestApp.StartCustomHandlerAsync($"--Kubernetes:Kubeconfig={kubeconfig}", "--Kubernetes:Context=provider");
        var options = app.Host.Services.GetRequiredService<IOptions<FunctionsOptions>>().Value;

        Assert.Equal(FunctionsMode.CustomHandler, options.Mode);
        Assert.Equal(0, options.CustomHandlerPort);
        Assert.Equal(kubeconfig, options.Kubernetes.Kubeconfig);
        Assert.Equal("provider", options.Kubernetes.Context);
        Assert.False(options.Kubernetes.InCluster);
        Assert.Equal(FunctionsOptions.DevelopmentStorage, options.AzureWebJobsStorage);
        Assert.Equal("http://127.0.0.1:7071", options.StandaloneUrl);
    }

    [Fact]
    public void ResolveHostJsonPath_FindsTheRepositorysHostJson_WhenNoneIsConfigured()
    {
        var path = new FunctionsOptions().ResolveHostJsonPath();

        Assert.NotNull(path);
        Assert.Equal("host.json", Path.GetFileName(path));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
