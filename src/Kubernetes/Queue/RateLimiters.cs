namespace KubeBind.Kubernetes.Queue;

/// <summary>Ready-made rate limiters matching client-go's defaults.</summary>
public static class RateLimiters
{
    /// <summary>The per-key backoff's first delay, as in client-go's <c>DefaultControllerRateLimiter</c>.</summary>
    public static readonly TimeSpan DefaultBaseDelay = TimeSpan.FromMilliseconds(5);

    /// <summary>The per-key backoff's ceiling, as in client-go's <c>DefaultControllerRateLimiter</c>.</summary>
    public static readonly TimeSpan DefaultMaxDelay = TimeSpan.FromSeconds(1000);

    /// <summary>The overall bucket's sustained retries per second.</summary>
    public const double DefaultQps = 10;

    /// <summary>The overall bucket's burst.</summary>
    public const int DefaultBurst = 100;

    /// <summary>Returns client-go's <c>DefaultControllerRateLimiter</c>: the max of per-key exponential backoff (5 ms to 1000 s) and a 10 qps, burst 100 bucket.</summary>
    public static IRateLimiter<TKey> DefaultController<TKey>(TimeProvider? timeProvider = null)
        where TKey : notnull
        => new MaxOfRateLimiter<TKey>(
            new ItemExponentialFailureRateLimiter<TKey>(DefaultBaseDelay, DefaultMaxDelay),
            new BucketRateLimiter<TKey>(DefaultQps, DefaultBurst, timeProvider));
}
