using System.Diagnostics.CodeAnalysis;

namespace KubeBind.Kubernetes.Queue;

/// <summary>A de-duplicating, delaying, rate-limited work queue with client-go's <c>workqueue</c> semantics.</summary>
/// <typeparam name="TKey">The key of a piece of work, typically <c>"namespace/name"</c>; compared with its default equality.</typeparam>
/// <remarks>
/// A key is queued at most once however often it is added. A key handed out by <see cref="TakeAsync"/> is
/// processing until <see cref="Done"/>; adding it meanwhile marks it dirty and re-queues it on
/// <see cref="Done"/>, so no two workers ever hold the same key and no add is lost. Ready keys come out in FIFO order.
/// All members are thread-safe.
/// </remarks>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "The name every Kubernetes controller author knows from client-go.")]
public sealed class WorkQueue<TKey> : IDisposable
    where TKey : notnull
{
    // Timers cannot be armed further out than ~49 days; a longer wait simply re-arms when it fires.
    private static readonly TimeSpan MaxTimerDue = TimeSpan.FromDays(1);

    private readonly Lock _lock = new();
    private readonly IRateLimiter<TKey> _rateLimiter;
    private readonly TimeProvider _time;
    private readonly Queue<TKey> _ready = new();
    private readonly HashSet<TKey> _dirty = [];
    private readonly HashSet<TKey> _processing = [];
    private readonly LinkedList<TaskCompletionSource<TKey>> _takers = new();
    private readonly Dictionary<TKey, long> _delayed = [];
    private readonly PriorityQueue<TKey, long> _deadlines = new();
    private ITimer? _timer;
    private long _timerDue = long.MaxValue;
    private bool _shuttingDown;
    private TaskCompletionSource? _drained;
    private long _adds;
    private long _retries;

    /// <summary>Creates a queue that retries with <paramref name="rateLimiter"/> (default: <see cref="RateLimiters.DefaultController{TKey}"/>) and reads time from <paramref name="timeProvider"/>.</summary>
    public WorkQueue(IRateLimiter<TKey>? rateLimiter = null, TimeProvider? timeProvider = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        _rateLimiter = rateLimiter ?? RateLimiters.DefaultController<TKey>(_time);
    }

    /// <summary>Gets how many keys are ready to be taken (client-go's depth).</summary>
    public int Length
    {
        get
        {
            lock (_lock)
            {
                return _ready.Count;
            }
        }
    }

    /// <summary>Gets how many keys are handed out and not yet <see cref="Done"/>.</summary>
    public int Processing
    {
        get
        {
            lock (_lock)
            {
                return _processing.Count;
            }
        }
    }

    /// <summary>Gets how many keys are waiting for a delay from <see cref="AddAfter"/> or <see cref="AddRateLimited"/>.</summary>
    public int Delayed
    {
        get
        {
            lock (_lock)
            {
                return _delayed.Count;
            }
        }
    }

    /// <summary>Gets how many adds were accepted, not counting adds of a key that was already queued.</summary>
    public long Adds => Interlocked.Read(ref _adds);

    /// <summary>Gets how many times <see cref="AddRateLimited"/> was called before shut-down.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Gets whether <see cref="ShutDown"/> or <see cref="ShutDownWithDrainAsync"/> was called.</summary>
    public bool IsShuttingDown
    {
        get
        {
            lock (_lock)
            {
                return _shuttingDown;
            }
        }
    }

    /// <summary>Queues <paramref name="key"/> unless it is already queued; a key being processed is re-queued when it is <see cref="Done"/>.</summary>
    public void Add(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_lock)
        {
            if (!_shuttingDown)
            {
                AddLocked(key);
            }
        }
    }

    /// <summary>Queues <paramref name="key"/> once <paramref name="delay"/> has passed; of several pending delays for one key the earliest deadline wins.</summary>
    public void AddAfter(TKey key, TimeSpan delay)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        lock (_lock)
        {
            if (_shuttingDown)
            {
                return;
            }

            var due = _time.GetTimestamp() + ToTimestampTicks(delay);
            if (_delayed.TryGetValue(key, out var existing) && existing <= due)
            {
                return;
            }

            // A superseded later deadline stays in the heap and is skipped when it comes up.
            _delayed[key] = due;
            _deadlines.Enqueue(key, due);
            ArmTimerLocked();
        }
    }

    /// <summary>Queues <paramref name="key"/> after the delay the rate limiter assigns to its next retry.</summary>
    public void AddRateLimited(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_lock)
        {
            if (_shuttingDown)
            {
                return;
            }

            Interlocked.Increment(ref _retries);
        }

        AddAfter(key, _rateLimiter.NextDelay(key));
    }

    /// <summary>Clears the rate limiter's failure history of <paramref name="key"/>; call it when the key was processed successfully.</summary>
    public void Forget(TKey key) => _rateLimiter.Forget(key);

    /// <summary>Returns how many rate-limited retries <paramref name="key"/> had since it was last forgotten.</summary>
    public int NumRequeues(TKey key) => _rateLimiter.NumRequeues(key);

    /// <summary>Takes the next ready key without waiting; the caller must call <see cref="Done"/> for it.</summary>
    public bool TryTake([MaybeNullWhen(false)] out TKey key)
    {
        lock (_lock)
        {
            return TryTakeLocked(out key);
        }
    }

    /// <summary>Waits for the next ready key and hands it out; the caller must call <see cref="Done"/> for it.</summary>
    /// <remarks>
    /// Keys queued before shut-down are still handed out. Once the queue is shutting down and empty this throws
    /// <see cref="OperationCanceledException"/> (with <see cref="IsShuttingDown"/> true), as it does when
    /// <paramref name="cancellationToken"/> is cancelled, so a worker loop ends on either with one catch.
    /// </remarks>
    public ValueTask<TKey> TakeAsync(CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<TKey>(cancellationToken);
        }

        LinkedListNode<TaskCompletionSource<TKey>> taker;
        lock (_lock)
        {
            if (TryTakeLocked(out var key))
            {
                return new ValueTask<TKey>(key);
            }

            if (_shuttingDown)
            {
                return ValueTask.FromException<TKey>(ShuttingDownException());
            }

            taker = _takers.AddLast(new TaskCompletionSource<TKey>(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        return cancellationToken.CanBeCanceled ? WaitForKeyAsync(taker, cancellationToken) : new ValueTask<TKey>(taker.Value.Task);
    }

    /// <summary>Marks <paramref name="key"/> as processed, re-queueing it if it was added while it was processing.</summary>
    public void Done(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_lock)
        {
            if (!_processing.Remove(key))
            {
                return;
            }

            if (_dirty.Contains(key))
            {
                EnqueueLocked(key);
            }

            if (_processing.Count == 0)
            {
                _drained?.TrySetResult();
            }
        }
    }

    /// <summary>Stops accepting adds, drops pending delayed adds, and ends waiting takers once no keys are ready; does not wait for keys in flight.</summary>
    public void ShutDown()
    {
        lock (_lock)
        {
            // Like client-go, a plain shut-down also releases anyone waiting for a drain.
            ShutDownLocked();
            _drained?.TrySetResult();
        }
    }

    /// <summary>Shuts the queue down like <see cref="ShutDown"/> and completes once every key handed out has been <see cref="Done"/>.</summary>
    /// <remarks>Cancelling <paramref name="cancellationToken"/> stops waiting; the queue stays shut down.</remarks>
    public Task ShutDownWithDrainAsync(CancellationToken cancellationToken = default)
    {
        Task drained;
        lock (_lock)
        {
            ShutDownLocked();
            if (_processing.Count == 0)
            {
                return Task.CompletedTask;
            }

            _drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            drained = _drained.Task;
        }

        return drained.WaitAsync(cancellationToken);
    }

    /// <summary>Shuts the queue down (see <see cref="ShutDown"/>).</summary>
    public void Dispose() => ShutDown();

    private void AddLocked(TKey key)
    {
        if (!_dirty.Add(key))
        {
            // Already queued, or queued again on Done.
            return;
        }

        Interlocked.Increment(ref _adds);
        if (!_processing.Contains(key))
        {
            EnqueueLocked(key);
        }
    }

    private void EnqueueLocked(TKey key)
    {
        // Takers only wait while nothing is ready, so a waiting taker gets the key directly.
        var taker = _takers.First;
        if (taker is null)
        {
            _ready.Enqueue(key);
            return;
        }

        _takers.RemoveFirst();
        _dirty.Remove(key);
        _processing.Add(key);
        taker.Value.SetResult(key);
    }

    private bool TryTakeLocked([MaybeNullWhen(false)] out TKey key)
    {
        if (!_ready.TryDequeue(out key))
        {
            return false;
        }

        _dirty.Remove(key);
        _processing.Add(key);
        return true;
    }

    private async ValueTask<TKey> WaitForKeyAsync(LinkedListNode<TaskCompletionSource<TKey>> taker, CancellationToken cancellationToken)
    {
        using var registration = cancellationToken.UnsafeRegister(
            static (state, token) =>
            {
                var (queue, node) = ((WorkQueue<TKey>, LinkedListNode<TaskCompletionSource<TKey>>))state!;
                queue.CancelTaker(node, token);
            },
            (this, taker));
        return await taker.Value.Task.ConfigureAwait(false);
    }

    private void CancelTaker(LinkedListNode<TaskCompletionSource<TKey>> taker, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            // A taker still in the list has not been handed a key; removing it under the lock means no key is lost.
            if (taker.List is null)
            {
                return;
            }

            _takers.Remove(taker);
            taker.Value.SetCanceled(cancellationToken);
        }
    }

    private void ShutDownLocked()
    {
        if (_shuttingDown)
        {
            return;
        }

        _shuttingDown = true;
        _timer?.Dispose();
        _timer = null;
        _timerDue = long.MaxValue;
        _delayed.Clear();
        _deadlines.Clear();
        while (_takers.First is { } taker)
        {
            _takers.RemoveFirst();
            taker.Value.SetException(ShuttingDownException());
        }
    }

    private void OnTimer()
    {
        lock (_lock)
        {
            if (_shuttingDown)
            {
                return;
            }

            _timerDue = long.MaxValue;
            var now = _time.GetTimestamp();
            while (_deadlines.TryPeek(out var key, out var due) && due <= now)
            {
                _deadlines.Dequeue();
                if (_delayed.TryGetValue(key, out var current) && current == due)
                {
                    _delayed.Remove(key);
                    AddLocked(key);
                }
            }

            ArmTimerLocked();
        }
    }

    private void ArmTimerLocked()
    {
        // Drop superseded deadlines so the timer follows the earliest live one.
        while (_deadlines.TryPeek(out var key, out var due) && (!_delayed.TryGetValue(key, out var current) || current != due))
        {
            _deadlines.Dequeue();
        }

        if (!_deadlines.TryPeek(out _, out var next))
        {
            _timerDue = long.MaxValue;
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        if (next == _timerDue)
        {
            return;
        }

        _timerDue = next;
        var wait = _time.GetElapsedTime(_time.GetTimestamp(), next);
        wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxTimerDue ? MaxTimerDue : wait;
        if (_timer is null)
        {
            // The timer outlives whichever add armed it first, so it must not capture that caller's context.
            if (ExecutionContext.IsFlowSuppressed())
            {
                _timer = _time.CreateTimer(static state => ((WorkQueue<TKey>)state!).OnTimer(), this, wait, Timeout.InfiniteTimeSpan);
            }
            else
            {
                using (ExecutionContext.SuppressFlow())
                {
                    _timer = _time.CreateTimer(static state => ((WorkQueue<TKey>)state!).OnTimer(), this, wait, Timeout.InfiniteTimeSpan);
                }
            }
        }
        else
        {
            _timer.Change(wait, Timeout.InfiniteTimeSpan);
        }
    }

    private long ToTimestampTicks(TimeSpan delay)
    {
        var ticks = delay.TotalSeconds * _time.TimestampFrequency;
        return ticks >= long.MaxValue / 2 ? long.MaxValue / 2 : (long)ticks;
    }

    private static OperationCanceledException ShuttingDownException() => new("The work queue is shutting down.");
}
