namespace KubeBind.Kubernetes.LeaderElection;

/// <summary>
/// What this candidate last saw of the lease and when, by its own clock. Like client-go, expiry is judged from the moment
/// the record last changed here, not from the holder's renewTime, so clock skew between machines does not matter.
/// </summary>
internal sealed class LeaseObservation
{
    /// <summary>The record last observed; null before the first read.</summary>
    public LeaderElectionRecord? Record { get; private set; }

    /// <summary>When (local clock) <see cref="Record"/> was first seen in its current form.</summary>
    public DateTimeOffset ObservedAt { get; private set; }

    /// <summary>Records what was read at <paramref name="now"/>; the clock restarts only if the record changed.</summary>
    public void Observe(LeaderElectionRecord record, DateTimeOffset now)
    {
        if (record != Record)
        {
            Record = record;
            ObservedAt = now;
        }
    }

    /// <summary>Whether someone other than <paramref name="identity"/> holds a lease that has not expired at <paramref name="now"/>.</summary>
    /// <remarks>The holder's own leaseDurationSeconds is its promise; <paramref name="fallbackDuration"/> covers records without one.</remarks>
    public bool IsHeldByOther(string identity, TimeSpan fallbackDuration, DateTimeOffset now)
    {
        if (Record is not { HolderIdentity: { } holder } record || holder == identity)
        {
            return false;
        }

        var duration = record.LeaseDurationSeconds > 0 ? TimeSpan.FromSeconds(record.LeaseDurationSeconds) : fallbackDuration;
        return ObservedAt + duration > now;
    }
}
