namespace KubeBind.Kubernetes.Queue;

/// <summary>Runs reconcile workers over a <see cref="WorkQueue{TKey}"/>, like a controller-runtime controller's worker loop.</summary>
public static class Worker
{
    /// <summary>Runs <paramref name="workers"/> concurrent loops that take keys, reconcile them and requeue them as the result says, until cancelled or the queue shuts down.</summary>
    /// <remarks>
    /// An exception from <paramref name="reconcile"/> requeues the key rate-limited and is passed to
    /// <paramref name="onError"/>; cancellation of <paramref name="cancellationToken"/> during a reconcile re-adds the key
    /// instead. The returned task completes (without throwing) once every loop has stopped; it does not shut the queue down.
    /// </remarks>
    public static Task RunWorkersAsync<TKey>(
        this WorkQueue<TKey> queue,
        int workers,
        Func<TKey, CancellationToken, Task<ReconcileResult>> reconcile,
        Action<TKey, Exception> onError,
        CancellationToken cancellationToken = default)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        ArgumentNullException.ThrowIfNull(reconcile);
        ArgumentNullException.ThrowIfNull(onError);

        var loops = new Task[workers];
        for (var i = 0; i < workers; i++)
        {
            loops[i] = Task.Run(() => RunLoopAsync(queue, reconcile, onError, cancellationToken), CancellationToken.None);
        }

        return Task.WhenAll(loops);
    }

    private static async Task RunLoopAsync<TKey>(
        WorkQueue<TKey> queue,
        Func<TKey, CancellationToken, Task<ReconcileResult>> reconcile,
        Action<TKey, Exception> onError,
        CancellationToken cancellationToken)
        where TKey : notnull
    {
        while (true)
        {
            TKey key;
            try
            {
                key = await queue.TakeAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested || queue.IsShuttingDown)
            {
                return;
            }

            try
            {
                await ReconcileOneAsync(queue, key, reconcile, onError, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                queue.Done(key);
            }
        }
    }

    private static async Task ReconcileOneAsync<TKey>(
        WorkQueue<TKey> queue,
        TKey key,
        Func<TKey, CancellationToken, Task<ReconcileResult>> reconcile,
        Action<TKey, Exception> onError,
        CancellationToken cancellationToken)
        where TKey : notnull
    {
        ReconcileResult result;
        try
        {
            result = await reconcile(key, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is not a failure; keep the key queued for whoever runs the queue next.
            queue.Add(key);
            return;
        }
        catch (Exception exception)
        {
            // Requeue first so a throwing callback cannot lose the key.
            queue.AddRateLimited(key);
            onError(key, exception);
            return;
        }

        switch (result.Action)
        {
            case ReconcileAction.RequeueAfter:
                queue.Forget(key);
                queue.AddAfter(key, result.Delay);
                break;
            case ReconcileAction.RequeueRateLimited:
                queue.AddRateLimited(key);
                break;
            default:
                queue.Forget(key);
                break;
        }
    }
}
