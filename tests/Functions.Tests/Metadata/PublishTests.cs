using System.Diagnostics;
using System.Text.Json.Nodes;
using KubeBind.Functions.Catalog;
using KubeBind.Testing;

namespace KubeBind.Functions.Tests.Metadata;

/// <summary><c>dotnet publish</c> of src/Functions yields a folder the Functions host can run as it is.</summary>
public sealed class PublishTests : IDisposable
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(3);
    private readonly string _directory = Directory.CreateTempSubdirectory("functions-publish-").FullName;

    [Fact]
    public async Task Publish_AssemblesAFunctionApp_WithHostJsonLauncherAndGeneratedFunctionJson()
    {
        var output = await PublishAsync();

        var hostJson = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_directory, "host.json")))!;
        Assert.Equal(JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot, "host.json")))!.ToJsonString(), hostJson.ToJsonString());
        var launcher = Path.Combine(_directory, hostJson["customHandler"]!["description"]!["defaultExecutablePath"]!.GetValue<string>());
        Assert.True(File.Exists(launcher), $"host.json starts {launcher}, which publish did not produce\n{output}");
        Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(launcher).HasFlag(UnixFileMode.UserExecute), "the launcher is not executable");
        var functions = Directory.GetFiles(_directory, "function.json", SearchOption.AllDirectories)
            .Select(path => Path.GetFileName(Path.GetDirectoryName(path)!))
            .Order(StringComparer.Ordinal);
        Assert.Equal(FunctionCatalog.Default.Functions.Select(f => f.Name).Order(StringComparer.Ordinal), functions);
        var health = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_directory, "Health", "function.json")))!["bindings"]!.AsArray();
        Assert.Equal(["httpTrigger", "http"], health.Select(b => b!["type"]!.GetValue<string>()));
        Assert.Equal("healthz", health[0]!["route"]!.GetValue<string>());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string RepositoryRoot { get; } = FindRepositoryRoot();

    private async Task<string> PublishAsync()
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        // The test run has built src/Functions already; --no-build keeps this to copying files and the generator.
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "publish", Path.Combine(RepositoryRoot, "src", "Functions", "KubeBind.Functions.csproj"), "-c", configuration, "--no-build", "-o", _directory, "--nologo", "-nodeReuse:false", "--disable-build-servers" })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(PublishTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet publish did not finish within {PublishTimeout}: {await stdout}{await stderr}");
        }

        var output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"dotnet publish exited {process.ExitCode}:\n{output}");
        return output;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KubeBind.Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("could not find KubeBind.Functions.sln above the test binaries");
    }
}
