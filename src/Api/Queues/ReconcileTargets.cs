using KubeBind.Api.V1Alpha2;

namespace KubeBind.Api.Queues;

/// <summary>
/// Which kind is reconciled on which queue: the one table both the watch bridge (sender) and the functions (handlers)
/// read. A new reconciler adds its queue to <see cref="QueueNames"/> and a line here.
/// </summary>
public static class ReconcileTargets
{
    /// <summary>APIServiceExportRequests, reconciled by the export-request function (upstream's serviceexportrequest controller).</summary>
    public static ReconcileTarget ExportRequests { get; } = new(QueueNames.ExportRequests, ApiServiceExportRequest.KindName);

    /// <summary>Every target, one per queue.</summary>
    public static IReadOnlyList<ReconcileTarget> All { get; } = [ExportRequests];

    /// <summary>The target listening on <paramref name="queue"/>, or null when no reconciler does.</summary>
    public static ReconcileTarget? ForQueue(string queue) =>
        All.FirstOrDefault(t => string.Equals(t.Queue, queue, StringComparison.Ordinal));
}
