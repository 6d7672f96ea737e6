using System.Diagnostics;

namespace KubeBind.Api.Tests.Naming;

/// <summary>Runs python3 so hash vectors are checked against an independent implementation, not copied.</summary>
internal static class ExternalTools
{
    public static string Python(string script)
    {
        var python = FindOnPath("python3")
            ?? throw new InvalidOperationException("python3 is not on PATH; the naming tests need it to compute SHA-224 independently.");
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill();
            throw new TimeoutException("python3 did not finish within 30 s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"python3 failed with exit code {process.ExitCode}: {stderr.Result}");
        }

        return stdout.Result;
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
