using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace KubeBind.Testing;

/// <summary>
/// Azurite's queue service (installed by <c>npm ci</c> from the repository's package.json) on 127.0.0.1 and a free
/// port, in memory only. Use it as an xunit collection fixture, or standalone with
/// <c>await using var azurite = await Azurite.StartAsync();</c>. Disposing kills the process tree.
/// </summary>
public sealed partial class Azurite : IAsyncLifetime, IAsyncDisposable
{
    /// <summary>The emulator's one account.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The emulator's well-known, published account key.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>How long Azurite may take to listen before the fixture gives up.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly List<string> _output = [];
    private Process? _process;

    /// <summary>The queue service endpoint, path-style with the account: <c>http://127.0.0.1:PORT/devstoreaccount1</c>.</summary>
    public Uri QueueEndpoint { get; private set; } = null!;

    /// <summary>A Storage connection string for this instance (well-known account and key, explicit QueueEndpoint).</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};QueueEndpoint={QueueEndpoint};";

    /// <summary>Starts a new instance and waits until it listens.</summary>
    public static async Task<Azurite> StartAsync()
    {
        var azurite = new Azurite();
        try
        {
            await azurite.InitializeAsync();
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }

        return azurite;
    }

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot();
        var executable = Path.Combine(root, "node_modules", ".bin", "azurite-queue");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Azurite is not installed ({executable} is missing): run npm ci in {root}");
        }

        // Port 0 lets the OS pick a free port; Azurite prints the one it got. No workspace files: memory only.
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var arg in new[] { "--queueHost", "127.0.0.1", "--queuePort", "0", "--inMemoryPersistence", "--disableTelemetry", "--silent" })
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            _process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {executable}");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"could not start Azurite ({e.Message}); is node on PATH? Then run npm ci in {root}", e);
        }

        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = PumpAsync(_process.StandardOutput, listening);
        _ = PumpAsync(_process.StandardError, listening);
        _ = _process.WaitForExitAsync().ContinueWith(
            _ => listening.TrySetException(new InvalidOperationException($"Azurite exited before listening:\n{Output()}")),
            TaskScheduler.Default);

        try
        {
            var address = await listening.Task.WaitAsync(StartTimeout);
            QueueEndpoint = new Uri(address, AccountName);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Azurite did not listen within {StartTimeout.TotalSeconds}s; output so far:\n{Output()}");
        }
    }

    public Task DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        if (_process is null)
        {
            return Task.CompletedTask;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }

        _process.Dispose();
        _process = null;
        return Task.CompletedTask;
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    /// <summary>The repository root: the nearest folder above the test binaries that holds KubeBind.Functions.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KubeBind.Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"could not find KubeBind.Functions.sln above {AppContext.BaseDirectory}");
    }

    private async Task PumpAsync(StreamReader reader, TaskCompletionSource<Uri> listening)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_output)
            {
                _output.Add(line);
            }

            if (ListeningLine().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups["address"].Value + "/"));
            }
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return string.Join('\n', _output);
        }
    }

    // A test run that is killed never reaches DisposeAsync; this keeps Azurite from outliving it on a normal exit.
    private void KillOnExit(object? sender, EventArgs e)
    {
        try
        {
            _process?.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    [GeneratedRegex(@"successfully listens on (?<address>https?://[^\s/]+)")]
    private static partial Regex ListeningLine();
}
