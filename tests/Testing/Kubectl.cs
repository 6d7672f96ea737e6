using System.Diagnostics;
using System.Threading.Channels;

namespace KubeBind.Testing;

/// <summary>
/// Runs the installed kubectl against a test cluster as an independent client, with its own discovery cache so
/// parallel suites and changing ports never confuse it. Every run has a deadline; processes never outlive a test.
/// </summary>
public sealed class Kubectl
{
    private readonly string _kubeconfig;
    private readonly string _cacheDirectory;

    public Kubectl(string kubeconfig, string cacheDirectory)
    {
        _kubeconfig = kubeconfig;
        _cacheDirectory = cacheDirectory;
    }

    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(60);

    /// <summary>Runs kubectl to completion; standard input is <paramref name="stdin"/> when given.</summary>
    public async Task<KubectlResult> RunAsync(string[] args, string? stdin = null, TimeSpan? timeout = null)
    {
        using var process = Start(args, redirectInput: stdin is not null);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl {string.Join(' ', args)} did not finish within {(timeout ?? DefaultTimeout).TotalSeconds}s; output so far: {await stdout}{await stderr}");
        }

        return new KubectlResult(process.ExitCode, await stdout, await stderr, args);
    }

    /// <summary>Runs and fails the test unless kubectl exits 0.</summary>
    public async Task<string> SucceedAsync(params string[] args)
    {
        var result = await RunAsync(args);
        return result.ExitCode == 0 ? result.Stdout : throw new InvalidOperationException(result.ToString());
    }

    /// <summary>Starts a long-running kubectl (e.g. <c>get --watch</c>) whose output lines arrive on a channel.</summary>
    public KubectlWatch Stream(params string[] args) => new(Start(args, redirectInput: false));

    private Process Start(string[] args, bool redirectInput)
    {
        var info = new ProcessStartInfo("kubectl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--kubeconfig");
        info.ArgumentList.Add(_kubeconfig);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["KUBECACHEDIR"] = _cacheDirectory;
        info.Environment.Remove("KUBECONFIG");
        return Process.Start(info) ?? throw new InvalidOperationException("could not start kubectl; is it installed and on PATH?");
    }
}

/// <summary>The outcome of one kubectl run.</summary>
public sealed record KubectlResult(int ExitCode, string Stdout, string Stderr, string[] Args)
{
    public override string ToString() => $"kubectl {string.Join(' ', Args)} exited {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
}

/// <summary>A running kubectl whose stdout lines are readable as they come; disposing kills it.</summary>
public sealed class KubectlWatch : IDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly List<string> _seen = [];

    internal KubectlWatch(Process process)
    {
        _process = process;
        _ = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                _lines.Writer.TryWrite(line);
            }

            _lines.Writer.TryComplete();
        });
        _ = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Every line read so far by <see cref="WaitForLineAsync"/>.</summary>
    public IReadOnlyList<string> Seen => _seen;

    /// <summary>Waits (with a deadline) for a line containing <paramref name="text"/>.</summary>
    public async Task<string> WaitForLineAsync(string text, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? WaitFor.DefaultTimeout);
        try
        {
            while (await _lines.Reader.WaitToReadAsync(cts.Token))
            {
                while (_lines.Reader.TryRead(out var line))
                {
                    _seen.Add(line);
                    if (line.Contains(text, StringComparison.Ordinal))
                    {
                        return line;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"kubectl never printed a line containing '{text}'");
        }

        throw new InvalidOperationException($"kubectl exited before printing a line containing '{text}'");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }
}
