namespace KubeBind.Kubernetes.Tests.Queue;

/// <summary>A timer of <see cref="ManualTimeProvider"/>; its schedule is guarded by the provider's lock.</summary>
internal sealed class ManualTimer(ManualTimeProvider clock, TimerCallback callback, object? state) : ITimer
{
    public DateTimeOffset? Due { get; set; }

    public TimeSpan Period { get; set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        clock.Schedule(this, dueTime, period);
        return true;
    }

    public void Fire() => callback(state);

    public void Dispose() => clock.Remove(this);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
