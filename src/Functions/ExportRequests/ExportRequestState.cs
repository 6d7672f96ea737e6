namespace KubeBind.Functions.ExportRequests;

/// <summary>Where a request stands after a reconcile.</summary>
internal enum ExportRequestState
{
    /// <summary>The request does not exist (any more); nothing to do.</summary>
    Gone,

    /// <summary>The request was old enough to be deleted, and was.</summary>
    Pruned,

    /// <summary>The request cannot be served yet (a schema is missing, scopes differ); its conditions say why.</summary>
    Waiting,

    /// <summary>The request failed for good (phase <c>Failed</c>).</summary>
    Failed,

    /// <summary>The export exists (phase <c>Succeeded</c>).</summary>
    Succeeded,
}
