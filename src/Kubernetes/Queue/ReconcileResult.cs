namespace KubeBind.Kubernetes.Queue;

/// <summary>The outcome of reconciling one key, telling <see cref="Worker.RunWorkersAsync{TKey}"/> whether and when to requeue it.</summary>
public sealed record ReconcileResult
{
    private ReconcileResult(ReconcileAction action, TimeSpan delay)
    {
        Action = action;
        Delay = delay;
    }

    /// <summary>Gets the result that ends the key's processing and forgets its failures.</summary>
    public static ReconcileResult Done { get; } = new(ReconcileAction.Done, TimeSpan.Zero);

    /// <summary>Gets the result that requeues the key after its rate-limited backoff.</summary>
    public static ReconcileResult RequeueRateLimited { get; } = new(ReconcileAction.RequeueRateLimited, TimeSpan.Zero);

    /// <summary>Gets what the worker does with the key.</summary>
    public ReconcileAction Action { get; }

    /// <summary>Gets the delay of <see cref="ReconcileAction.RequeueAfter"/>; zero otherwise.</summary>
    public TimeSpan Delay { get; }

    /// <summary>Returns the result that forgets the key's failures and requeues it after <paramref name="delay"/>.</summary>
    public static ReconcileResult RequeueAfter(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new(ReconcileAction.RequeueAfter, delay);
    }
}
