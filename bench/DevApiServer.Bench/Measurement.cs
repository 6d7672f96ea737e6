using System.Globalization;

namespace KubeBind.DevApiServer.Bench;

/// <summary>One figure, its target, and whether bigger is better; the ratio reads "how many times the target".</summary>
internal sealed record Measurement(string Name, double Value, string Unit, double Target, bool HigherIsBetter)
{
    /// <summary>Above 1.0 means better than the target, whichever direction is better.</summary>
    public double Ratio => HigherIsBetter ? Value / Target : Target / Math.Max(Value, double.Epsilon);

    public static void Print(IEnumerable<Measurement> results)
    {
        Console.WriteLine();
        Console.WriteLine($"{"measurement",-44} {"value",14} {"target",14} {"ratio",7}");
        foreach (var m in results)
        {
            var direction = m.HigherIsBetter ? ">=" : "<=";
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{m.Name,-44} {m.Value,10:0.##} {m.Unit,-3} {direction}{m.Target,8:0.##} {m.Unit,-3} {m.Ratio,6:0.00}x"));
        }

        Console.WriteLine();
        Console.WriteLine("ratio > 1.00 means better than the target.");
    }
}
