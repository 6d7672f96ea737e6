using KubeBind.Kubernetes.Models;

namespace KubeBind.Kubernetes.LeaderElection;

/// <summary>The election-relevant part of a Lease's spec, compared by value to tell whether the holder has written since.</summary>
internal sealed record LeaderElectionRecord(string? HolderIdentity, int LeaseDurationSeconds, DateTimeOffset? AcquireTime, DateTimeOffset? RenewTime, int LeaseTransitions)
{
    public static LeaderElectionRecord From(LeaseSpec? spec) => new(
        string.IsNullOrEmpty(spec?.HolderIdentity) ? null : spec.HolderIdentity,
        spec?.LeaseDurationSeconds ?? 0,
        spec?.AcquireTime,
        spec?.RenewTime,
        spec?.LeaseTransitions ?? 0);
}
