namespace KubeBind.Kubernetes.Queue;

/// <summary>What a worker does with a key after reconciling it.</summary>
public enum ReconcileAction
{
    /// <summary>The key is reconciled: forget its failures and do not requeue it.</summary>
    Done,

    /// <summary>Forget the key's failures and requeue it after <see cref="ReconcileResult.Delay"/>, e.g. to poll.</summary>
    RequeueAfter,

    /// <summary>Requeue the key after its rate-limited backoff, as after an error.</summary>
    RequeueRateLimited,
}
