namespace KubeBind.Kubernetes.Queue;

/// <summary>Decides how long a key waits before it is retried, like client-go's <c>workqueue.TypedRateLimiter</c>.</summary>
/// <typeparam name="TKey">The queue's key type.</typeparam>
public interface IRateLimiter<in TKey>
    where TKey : notnull
{
    /// <summary>Records one more retry of <paramref name="key"/> and returns how long it must wait (client-go's <c>When</c>).</summary>
    TimeSpan NextDelay(TKey key);

    /// <summary>Clears the failure history of <paramref name="key"/>, typically after it was processed successfully.</summary>
    void Forget(TKey key);

    /// <summary>Returns how many times <paramref name="key"/> was retried since it was last forgotten.</summary>
    int NumRequeues(TKey key);
}
