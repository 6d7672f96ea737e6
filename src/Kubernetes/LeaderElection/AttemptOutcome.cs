namespace KubeBind.Kubernetes.LeaderElection;

/// <summary>The result of one try to acquire or renew the lease.</summary>
internal enum AttemptOutcome
{
    /// <summary>This candidate holds the lease now.</summary>
    Held,

    /// <summary>Another candidate holds an unexpired lease.</summary>
    HeldByOther,

    /// <summary>The try failed (a conflict, a lost create race, a transport error): try again later.</summary>
    Failed,
}
