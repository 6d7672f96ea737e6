using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace KubeBind.Functions.Bench;

/// <summary>Progress lines stamped with the time since the bench started, so a slow phase shows where it sits.</summary>
internal sealed class Progress
{
    private readonly long _started = Stopwatch.GetTimestamp();

    /// <summary>The machine the figures come from: cores, and how busy it already was (Linux only).</summary>
    public static string Machine()
    {
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
        return $"{Environment.ProcessorCount} cores, load average {load} at start, {RuntimeInformation.FrameworkDescription}";
    }

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

    public void Line(string text) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{Elapsed.TotalSeconds,6:0.0}s] {text}"));

    /// <summary>Runs <paramref name="step"/>, then prints what it was and how long it took; returns that time.</summary>
    public async Task<TimeSpan> StepAsync(string what, Func<Task> step)
    {
        var started = Stopwatch.GetTimestamp();
        await step();
        var took = Stopwatch.GetElapsedTime(started);
        Line(string.Create(CultureInfo.InvariantCulture, $"{what} ({took.TotalMilliseconds:0} ms)"));
        return took;
    }
}
