namespace KubeBind.Functions.Bench;

/// <summary>A set of latencies in milliseconds, sorted once; percentiles by the nearest-rank method.</summary>
internal sealed class Latencies
{
    private readonly double[] _sorted;

    public Latencies(IEnumerable<double> milliseconds)
    {
        _sorted = [.. milliseconds.Order()];
        if (_sorted.Length == 0)
        {
            throw new ArgumentException("no latencies were measured", nameof(milliseconds));
        }
    }

    public int Count => _sorted.Length;

    public double P50 => Rank(0.50);

    public double P99 => Rank(0.99);

    public double Max => _sorted[^1];

    public double Mean => _sorted.Average();

    private double Rank(double fraction) => _sorted[Math.Clamp((int)Math.Ceiling(fraction * _sorted.Length) - 1, 0, _sorted.Length - 1)];
}
