using KubeBind.Api.Queues;
using KubeBind.Testing;
using KubeBind.WatchBridge.Sending;

namespace KubeBind.WatchBridge.Tests.Fakes;

/// <summary>An in-memory queue: records every message; can be held shut (sends wait) or made to fail.</summary>
internal sealed class RecordingSender : IMessageSender
{
    private readonly Lock _lock = new();
    private readonly List<(string Queue, ReconcileMessage Message)> _sent = [];
    private TaskCompletionSource _gate = Open();
    private int _failures;
    private int _blocked;

    /// <summary>Every message sent, in order, with its queue.</summary>
    public IReadOnlyList<(string Queue, ReconcileMessage Message)> Sent
    {
        get
        {
            lock (_lock)
            {
                return [.. _sent];
            }
        }
    }

    /// <summary>How many sends are waiting at the closed gate.</summary>
    public int Blocked => Volatile.Read(ref _blocked);

    /// <summary>Messages naming <paramref name="ns"/>/<paramref name="name"/>.</summary>
    public IReadOnlyList<ReconcileMessage> For(string ns, string name) =>
        [.. Sent.Select(s => s.Message).Where(m => m.Namespace == ns && m.Name == name)];

    /// <summary>Messages naming any object in <paramref name="ns"/>.</summary>
    public IReadOnlyList<ReconcileMessage> InNamespace(string ns) => [.. Sent.Select(s => s.Message).Where(m => m.Namespace == ns)];

    /// <summary>Makes sends wait until <see cref="Release"/>.</summary>
    public void Hold()
    {
        lock (_lock)
        {
            if (_gate.Task.IsCompleted)
            {
                _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    public void Release()
    {
        lock (_lock)
        {
            _gate.TrySetResult();
        }
    }

    /// <summary>Makes the next <paramref name="count"/> sends throw.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failures, count);

    /// <summary>Waits (with a deadline) until a message matching <paramref name="match"/> was sent; returns it.</summary>
    public Task<ReconcileMessage> WaitForAsync(Func<ReconcileMessage, bool> match, string what, TimeSpan? timeout = null) =>
        WaitFor.ValueAsync(() => Task.FromResult(Sent.Select(s => s.Message).FirstOrDefault(match)), what, timeout);

    public async Task SendAsync(string queueName, string messageText, CancellationToken cancellationToken)
    {
        Task gate;
        lock (_lock)
        {
            gate = _gate.Task;
        }

        Interlocked.Increment(ref _blocked);
        try
        {
            await gate.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _blocked);
        }

        if (TryConsumeFailure())
        {
            throw new HttpRequestException("the queue is unavailable (injected)");
        }

        var message = ReconcileMessage.Parse(messageText);
        lock (_lock)
        {
            _sent.Add((queueName, message));
        }
    }

    private bool TryConsumeFailure()
    {
        while (true)
        {
            var left = Volatile.Read(ref _failures);
            if (left <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _failures, left - 1, left) == left)
            {
                return true;
            }
        }
    }

    private static TaskCompletionSource Open()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }
}
