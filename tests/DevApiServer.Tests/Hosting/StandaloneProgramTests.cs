using System.Diagnostics;
using KubeBind.Testing;

namespace KubeBind.DevApiServer.Tests.Hosting;

/// <summary>The standalone program as a user runs it: kubeconfig only once ready, kubectl works, SIGTERM stops it cleanly.</summary>
public sealed class StandaloneProgramTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("devapiserver-program-").FullName;

    [Fact]
    public async Task Program_WritesKubeconfigWhenReady_ServesKubectl_AndStopsOnSigterm()
    {
        var kubeconfig = Path.Combine(_directory, "kubeconfig");
        using var process = StartServer("--port", "0", "--kubeconfig", kubeconfig);
        try
        {
            await WaitFor.ConditionAsync(() => Task.FromResult(File.Exists(kubeconfig) || process.HasExited), "the kubeconfig to be written", TimeSpan.FromSeconds(60));
            if (process.HasExited)
            {
                Assert.Fail($"the server exited early: {await process.StandardError.ReadToEndAsync()}");
            }

            var kubectl = new Testing.Kubectl(kubeconfig, Path.Combine(_directory, "cache"));
            var namespaces = await kubectl.SucceedAsync("get", "namespaces", "-o", "name");
            using var watch = kubectl.Stream("get", "configmaps", "-A", "--watch", "-o", "name");
            await watch.WaitForLineAsync("kube-root-ca.crt");
            Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();

            using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await process.WaitForExitAsync(exited.Token);
            Assert.Contains("namespace/kube-system", namespaces, StringComparison.Ordinal);
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("DevApiServer listening on https://127.0.0.1:", await process.StandardOutput.ReadToEndAsync(), StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task Program_RejectsUnknownOptions_WithUsage()
    {
        using var process = StartServer("--bogus");
        using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await process.WaitForExitAsync(exited.Token);

        Assert.Equal(2, process.ExitCode);
        var stderr = await process.StandardError.ReadToEndAsync();
        Assert.Contains("unknown option '--bogus'", stderr, StringComparison.Ordinal);
        Assert.Contains("Usage:", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Process StartServer(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "KubeBind.DevApiServer.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }
}
