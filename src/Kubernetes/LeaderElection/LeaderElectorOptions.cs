namespace KubeBind.Kubernetes.LeaderElection;

/// <summary>What a <see cref="LeaderElector"/> competes for and how; the timings default to client-go's.</summary>
public sealed class LeaderElectorOptions
{
    /// <summary>The namespace of the Lease.</summary>
    public required string LeaseNamespace { get; init; }

    /// <summary>The name of the Lease; every candidate for one role uses the same one.</summary>
    public required string LeaseName { get; init; }

    /// <summary>This candidate's identity, unique among candidates (a pod name, say); written as holderIdentity.</summary>
    public required string Identity { get; init; }

    /// <summary>How long candidates wait after last seeing the lease change before taking it over.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader keeps trying to renew before it gives up leading; less than <see cref="LeaseDuration"/>.</summary>
    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often candidates try to acquire, and the leader renews.</summary>
    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Whether cancelling <see cref="LeaderElector.RunAsync"/> releases the lease so a successor takes over at once.</summary>
    public bool ReleaseOnCancel { get; init; }

    /// <summary>Runs when this candidate starts leading; its token is cancelled when leading stops, and the work must end then.</summary>
    public Func<CancellationToken, Task>? OnStartedLeading { get; init; }

    /// <summary>Runs once leading has stopped (lost, released or cancelled), after <see cref="OnStartedLeading"/> has returned.</summary>
    public Action? OnStoppedLeading { get; init; }

    /// <summary>Runs with the holder's identity whenever this candidate observes a new holder, itself included.</summary>
    public Action<string>? OnNewLeader { get; init; }

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(LeaseNamespace);
        ArgumentException.ThrowIfNullOrEmpty(LeaseName);
        ArgumentException.ThrowIfNullOrEmpty(Identity);
        // The same invariants client-go's NewLeaderElector enforces (its JitterFactor is 1.2).
        if (RetryPeriod <= TimeSpan.Zero)
        {
            throw new ArgumentException("RetryPeriod must be positive", nameof(RetryPeriod));
        }

        if (LeaseDuration <= RenewDeadline)
        {
            throw new ArgumentException("LeaseDuration must be greater than RenewDeadline", nameof(LeaseDuration));
        }

        if (RenewDeadline <= RetryPeriod * 1.2)
        {
            throw new ArgumentException("RenewDeadline must be greater than 1.2 × RetryPeriod", nameof(RenewDeadline));
        }
    }
}
