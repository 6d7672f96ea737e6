namespace KubeBind.Kubernetes.Rest;

/// <summary>A token bucket shared by every request of a client: <c>burst</c> at once, then <c>qps</c> per second.</summary>
internal sealed class TokenBucket
{
    private readonly double _qps;
    private readonly double _burst;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private double _tokens;
    private long _last;

    public TokenBucket(double qps, int burst, TimeProvider time)
    {
        _qps = qps;
        _burst = Math.Max(1, burst);
        _time = time;
        _tokens = _burst;
        _last = time.GetTimestamp();
    }

    /// <summary>Waits until a request may be sent.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        if (_qps <= 0)
        {
            return;
        }

        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = _time.GetTimestamp();
                _tokens = Math.Min(_burst, _tokens + (_time.GetElapsedTime(_last, now).TotalSeconds * _qps));
                _last = now;
                if (_tokens >= 1)
                {
                    _tokens -= 1;
                    return;
                }

                wait = TimeSpan.FromSeconds((1 - _tokens) / _qps);
            }

            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }
}
