using KubeBind.Queues.Listening;

namespace KubeBind.Queues.Tests;

/// <summary>A listener running in the background of a test; disposing stops it and waits (with a deadline) for it to end.</summary>
internal sealed class RunningListener : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stop = new();

    public RunningListener(QueueListener listener)
    {
        Listener = listener;
        Run = Task.Run(() => listener.RunAsync(_stop.Token));
    }

    public QueueListener Listener { get; }

    public Task Run { get; }

    /// <summary>Asks the listener to stop and waits until RunAsync has returned.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Run.WaitAsync(StopTimeout);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }
}
