using System.Collections.Concurrent;
using KubeBind.Kubernetes.LeaderElection;

namespace KubeBind.Kubernetes.Tests.LeaderElection;

/// <summary>A running <see cref="LeaderElector"/> whose callbacks complete signals a test can await.</summary>
internal sealed class Candidate : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _leaders = new();

    public Candidate(KubernetesClient client, string ns, string lease, string identity, bool releaseOnCancel = false, TimeSpan? leaseDuration = null)
    {
        var duration = leaseDuration ?? TimeSpan.FromSeconds(2);
        Elector = new LeaderElector(client, new LeaderElectorOptions
        {
            LeaseNamespace = ns,
            LeaseName = lease,
            Identity = identity,
            LeaseDuration = duration,
            RenewDeadline = duration * 0.75,
            RetryPeriod = TimeSpan.FromMilliseconds(200),
            ReleaseOnCancel = releaseOnCancel,
            OnStartedLeading = async token =>
            {
                LeadingToken = token;
                Started.TrySetResult();
                await Task.Delay(Timeout.Infinite, token);
            },
            OnStoppedLeading = () => Stopped.TrySetResult(),
            OnNewLeader = leader => LeaderSeen(leader).TrySetResult(),
        });
        Run = Elector.RunAsync(_stop.Token);
    }

    public LeaderElector Elector { get; }

    public Task Run { get; }

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Stopped { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CancellationToken LeadingToken { get; private set; }

    /// <summary>Completes once this candidate has reported <paramref name="identity"/> as the leader.</summary>
    public TaskCompletionSource LeaderSeen(string identity) =>
        _leaders.GetOrAdd(identity, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>Cancels the run and waits for it to return.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Run.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        if (!Run.IsCompleted)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }
}
