namespace KubeBind.Functions.ExportRequests;

/// <summary>The result of one reconcile: the request's state, and when to reconcile it again (null: only on a new event).</summary>
internal sealed record ExportRequestOutcome(ExportRequestState State, TimeSpan? RequeueAfter = null)
{
    /// <summary>The request is gone; there is nothing to come back for.</summary>
    public static ExportRequestOutcome Gone { get; } = new(ExportRequestState.Gone);
}
