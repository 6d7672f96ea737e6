namespace KubeBind.WatchBridge.Bridge;

/// <summary>What the health endpoints and gauges report: this candidate's identity, leadership and sync state.</summary>
internal sealed class BridgeStatus
{
    private volatile bool _isStanding;
    private volatile bool _isLeader;
    private volatile bool _isSynced;
    private volatile string? _leader;
    private volatile Outbox? _outbox;

    public BridgeStatus(string identity)
    {
        Identity = identity;
    }

    /// <summary>This candidate's lease holder identity.</summary>
    public string Identity { get; }

    /// <summary>True while this bridge takes part in the election.</summary>
    public bool IsStanding
    {
        get => _isStanding;
        set => _isStanding = value;
    }

    /// <summary>True while this bridge holds the lease and runs the pipeline.</summary>
    public bool IsLeader
    {
        get => _isLeader;
        set => _isLeader = value;
    }

    /// <summary>True once the leader's informers have all listed.</summary>
    public bool IsSynced
    {
        get => _isSynced;
        set => _isSynced = value;
    }

    /// <summary>The holder last observed (this bridge's identity when it leads).</summary>
    public string? Leader
    {
        get => _leader;
        set => _leader = value;
    }

    /// <summary>Messages waiting in the current term's outbox.</summary>
    public int Waiting => _outbox?.Waiting ?? 0;

    /// <summary>
    /// Ready to do its job: a leader whose informers have synced, or a standby waiting for the lease. A standby counts
    /// as ready so a Deployment's rolling update is not held up by the replicas that must stay idle.
    /// </summary>
    public bool IsReady => IsStanding && (!IsLeader || IsSynced);

    internal void Attach(Outbox? outbox) => _outbox = outbox;
}
