namespace KubeBind.Kubernetes.Queue;

/// <summary>An overall token bucket shared by all keys: <c>burst</c> retries at once, then <c>qps</c> per second (client-go's <c>BucketRateLimiter</c>).</summary>
/// <typeparam name="TKey">The queue's key type.</typeparam>
/// <remarks>Like Go's <c>rate.Limiter.Reserve</c>, every call takes a token, going into debt when the bucket is empty, and returns how long until that token exists.</remarks>
public sealed class BucketRateLimiter<TKey> : IRateLimiter<TKey>
    where TKey : notnull
{
    private readonly Lock _lock = new();
    private readonly double _qps;
    private readonly double _burst;
    private readonly TimeProvider _time;
    private double _tokens;
    private long _last;

    /// <summary>Creates a full bucket of <paramref name="burst"/> tokens refilled at <paramref name="qps"/> tokens per second.</summary>
    public BucketRateLimiter(double qps, int burst, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(qps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        _qps = qps;
        _burst = burst;
        _time = timeProvider ?? TimeProvider.System;
        _tokens = burst;
        _last = _time.GetTimestamp();
    }

    /// <inheritdoc />
    public TimeSpan NextDelay(TKey key)
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            _tokens = Math.Min(_burst, _tokens + (_time.GetElapsedTime(_last, now).TotalSeconds * _qps));
            _last = now;
            _tokens -= 1;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _qps);
        }
    }

    /// <summary>Does nothing: the bucket keeps no per-key history.</summary>
    public void Forget(TKey key)
    {
    }

    /// <summary>Returns 0: the bucket keeps no per-key history.</summary>
    public int NumRequeues(TKey key) => 0;
}
