using System.Runtime.ExceptionServices;
using KubeBind.Kubernetes.Models;
using KubeBind.Kubernetes.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KubeBind.Kubernetes.LeaderElection;

/// <summary>
/// Leader election over a coordination.k8s.io/v1 Lease, after client-go's leaderelection package with a LeaseLock:
/// at most one candidate per lease runs <see cref="LeaderElectorOptions.OnStartedLeading"/> at a time.
/// </summary>
public sealed class LeaderElector
{
    // client-go's JitterFactor: candidates retry after RetryPeriod plus up to 1.2 × RetryPeriod, so they do not collide.
    private const double AcquireJitter = 1.2;

    private readonly LeaderElectorOptions _options;
    private readonly ResourceClient<Lease> _leases;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly LeaseObservation _observation = new();
    private Lease? _lease;
    private string? _reportedLeader;
    private volatile bool _isLeader;
    private volatile string? _currentLeader;
    private int _running;

    /// <summary>Creates a candidate; time comes from <paramref name="timeProvider"/>, or else the client's.</summary>
    public LeaderElector(KubernetesClient client, LeaderElectorOptions options, ILogger<LeaderElector>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _leases = client.Resource(Lease.Resource, KubernetesJson.TypeInfo<Lease>());
        _time = timeProvider ?? client.Options.TimeProvider;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Whether this candidate is leading now (between the start of <see cref="LeaderElectorOptions.OnStartedLeading"/> and the decision to stop).</summary>
    public bool IsLeader => _isLeader;

    /// <summary>The holder this candidate last observed, or null before its first read and while the lease is released.</summary>
    public string? CurrentLeader => _currentLeader;

    /// <summary>
    /// Competes for the lease until it is acquired, leads until leadership is lost or <paramref name="cancellationToken"/>
    /// is cancelled, then returns (normally, also on cancellation); call again to stand once more.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another run of this elector is in progress.</exception>
    /// <remarks>An exception from <see cref="LeaderElectorOptions.OnStartedLeading"/> ends leading and is rethrown here.</remarks>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            throw new InvalidOperationException("this leader elector is already running");
        }

        try
        {
            if (await AcquireAsync(cancellationToken).ConfigureAwait(false))
            {
                await LeadAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    private async Task<bool> AcquireAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (await TryAcquireOrRenewAsync(cancellationToken).ConfigureAwait(false) == AttemptOutcome.Held)
                {
                    return true;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            var delay = _options.RetryPeriod * (1 + (Random.Shared.NextDouble() * AcquireJitter));
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        return false;
    }

    private async Task LeadAsync(CancellationToken cancellationToken)
    {
        using var leading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _isLeader = true;
        LeaderElectorLog.Acquired(_logger, _options.Identity, _options.LeaseNamespace, _options.LeaseName);
        var work = _options.OnStartedLeading is { } onStarted
            ? Task.Run(() => onStarted(leading.Token), CancellationToken.None)
            : Task.CompletedTask;

        var (lost, reason) = await RenewAsync(work, cancellationToken).ConfigureAwait(false);
        _isLeader = false;
        LeaderElectorLog.Stopped(_logger, _options.Identity, _options.LeaseNamespace, _options.LeaseName, reason);
        await leading.CancelAsync().ConfigureAwait(false);
        Exception? failure = null;
        try
        {
            await work.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (leading.IsCancellationRequested)
        {
            // The work ended because leading did: expected.
        }
        catch (Exception e)
        {
            LeaderElectorLog.CallbackFailed(_logger, e, _options.LeaseNamespace, _options.LeaseName);
            failure = e;
        }

        // Release only once the work has stopped, so the successor never overlaps with it; a lost lease is not ours to release.
        if (!lost && _options.ReleaseOnCancel)
        {
            await ReleaseAsync().ConfigureAwait(false);
        }

        Invoke(_options.OnStoppedLeading);
        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>Renews every RetryPeriod; returns whether leadership was lost (rather than given up) and why.</summary>
    private async Task<(bool Lost, string Reason)> RenewAsync(Task work, CancellationToken cancellationToken)
    {
        var lastRenewal = _time.GetUtcNow();
        while (true)
        {
            var deadline = lastRenewal + _options.RenewDeadline;
            var wait = Min(_options.RetryPeriod, deadline - _time.GetUtcNow());
            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, _time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (cancellationToken.IsCancellationRequested)
            {
                return (false, "cancelled");
            }

            if (work.IsFaulted)
            {
                return (false, "OnStartedLeading failed");
            }

            var remaining = deadline - _time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return (true, "renew deadline exceeded");
            }

            var attemptStart = _time.GetUtcNow();
            // Bound each attempt by the renew deadline so a hanging request cannot keep a stale leader running.
            using var timeout = new CancellationTokenSource(remaining, _time);
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            AttemptOutcome outcome;
            try
            {
                outcome = await TryAcquireOrRenewAsync(attempt.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (attempt.IsCancellationRequested)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return (false, "cancelled");
                }

                return (true, "renew deadline exceeded");
            }

            switch (outcome)
            {
                case AttemptOutcome.Held:
                    lastRenewal = attemptStart;
                    break;
                case AttemptOutcome.HeldByOther:
                    // Stricter than client-go, which retries until the deadline: another live holder means two leaders, so stop now.
                    return (true, $"the lease is held by {_currentLeader}");
                default:
                    break;
            }
        }
    }

    /// <summary>One round of client-go's tryAcquireOrRenew; throws only OperationCanceledException for a cancelled token.</summary>
    private async Task<AttemptOutcome> TryAcquireOrRenewAsync(CancellationToken cancellationToken)
    {
        var now = Truncate(_time.GetUtcNow());
        try
        {
            // Fast path while leading: write over the cached lease; a conflict means it changed, so read it below.
            if (_isLeader && _lease is { } cached && _observation.Record?.HolderIdentity == _options.Identity)
            {
                try
                {
                    var renewed = cached.Spec! with { RenewTime = now, LeaseDurationSeconds = LeaseDurationSeconds, HolderIdentity = _options.Identity };
                    Remember(await _leases.UpdateAsync(cached with { Spec = renewed }, _options.LeaseNamespace, null, cancellationToken).ConfigureAwait(false), now);
                    return AttemptOutcome.Held;
                }
                catch (KubernetesApiException e) when (e.IsConflict)
                {
                    LeaderElectorLog.RaceLost(_logger, _options.LeaseNamespace, _options.LeaseName, "the lease changed since the last renewal");
                }
            }

            Lease current;
            try
            {
                current = await _leases.GetAsync(_options.LeaseName, _options.LeaseNamespace, cancellationToken).ConfigureAwait(false);
            }
            catch (KubernetesApiException e) when (e.IsNotFound)
            {
                return await CreateAsync(now, cancellationToken).ConfigureAwait(false);
            }

            var record = LeaderElectionRecord.From(current.Spec);
            _lease = current;
            _observation.Observe(record, now);
            ReportLeader(record.HolderIdentity);
            if (_observation.IsHeldByOther(_options.Identity, _options.LeaseDuration, now))
            {
                return AttemptOutcome.HeldByOther;
            }

            var ours = record.HolderIdentity == _options.Identity;
            var spec = (current.Spec ?? new LeaseSpec()) with
            {
                HolderIdentity = _options.Identity,
                LeaseDurationSeconds = LeaseDurationSeconds,
                AcquireTime = ours ? record.AcquireTime ?? now : now,
                RenewTime = now,
                LeaseTransitions = ours ? record.LeaseTransitions : record.LeaseTransitions + 1,
            };
            Remember(await _leases.UpdateAsync(current with { Spec = spec }, _options.LeaseNamespace, null, cancellationToken).ConfigureAwait(false), now);
            return AttemptOutcome.Held;
        }
        catch (KubernetesApiException e) when (e.IsConflict)
        {
            // Optimistic concurrency: someone else wrote first, and will be seen on the next read.
            LeaderElectorLog.RaceLost(_logger, _options.LeaseNamespace, _options.LeaseName, "conflict");
            return AttemptOutcome.Failed;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LeaderElectorLog.AttemptFailed(_logger, e, _options.LeaseNamespace, _options.LeaseName);
            return AttemptOutcome.Failed;
        }
    }

    private async Task<AttemptOutcome> CreateAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lease = new Lease
        {
            Metadata = new ObjectMeta { Name = _options.LeaseName, Namespace = _options.LeaseNamespace },
            Spec = new LeaseSpec
            {
                HolderIdentity = _options.Identity,
                LeaseDurationSeconds = LeaseDurationSeconds,
                AcquireTime = now,
                RenewTime = now,
                LeaseTransitions = 0,
            },
        };
        try
        {
            Remember(await _leases.CreateAsync(lease, _options.LeaseNamespace, null, cancellationToken).ConfigureAwait(false), now);
            return AttemptOutcome.Held;
        }
        catch (KubernetesApiException e) when (e.IsAlreadyExists)
        {
            LeaderElectorLog.RaceLost(_logger, _options.LeaseNamespace, _options.LeaseName, "another candidate created the lease");
            return AttemptOutcome.Failed;
        }
    }

    /// <summary>Gives the lease up as client-go does: no holder, a one-second duration, the transition count kept.</summary>
    private async Task ReleaseAsync()
    {
        if (_lease is not { } cached || _observation.Record?.HolderIdentity != _options.Identity)
        {
            return;
        }

        var now = Truncate(_time.GetUtcNow());
        var released = (cached.Spec ?? new LeaseSpec()) with
        {
            HolderIdentity = string.Empty,
            LeaseDurationSeconds = 1,
            AcquireTime = now,
            RenewTime = now,
        };
        // The run's token is already cancelled; bound the release by the renew deadline instead.
        using var timeout = new CancellationTokenSource(_options.RenewDeadline, _time);
        try
        {
            Remember(await _leases.UpdateAsync(cached with { Spec = released }, _options.LeaseNamespace, null, timeout.Token).ConfigureAwait(false), now);
            LeaderElectorLog.Released(_logger, _options.Identity, _options.LeaseNamespace, _options.LeaseName);
        }
        catch (Exception e)
        {
            LeaderElectorLog.ReleaseFailed(_logger, e, _options.LeaseNamespace, _options.LeaseName);
        }
    }

    private int LeaseDurationSeconds => (int)Math.Ceiling(_options.LeaseDuration.TotalSeconds);

    private void Remember(Lease lease, DateTimeOffset now)
    {
        _lease = lease;
        var record = LeaderElectionRecord.From(lease.Spec);
        _observation.Observe(record, now);
        ReportLeader(record.HolderIdentity);
    }

    private void ReportLeader(string? holder)
    {
        _currentLeader = holder;
        if (holder is null || holder == _reportedLeader)
        {
            return;
        }

        _reportedLeader = holder;
        LeaderElectorLog.NewLeader(_logger, _options.LeaseNamespace, _options.LeaseName, holder);
        if (_options.OnNewLeader is { } onNewLeader)
        {
            Invoke(() => onNewLeader(holder));
        }
    }

    private void Invoke(Action? callback)
    {
        try
        {
            callback?.Invoke();
        }
        catch (Exception e)
        {
            // A faulty observer must not break the election itself.
            LeaderElectorLog.CallbackFailed(_logger, e, _options.LeaseNamespace, _options.LeaseName);
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    // MicroTime carries microseconds; dropping the rest keeps what we hold in memory equal to what the server echoes.
    private static DateTimeOffset Truncate(DateTimeOffset time) => new(time.UtcTicks - (time.UtcTicks % 10), TimeSpan.Zero);
}
