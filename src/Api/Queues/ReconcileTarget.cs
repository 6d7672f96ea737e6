namespace KubeBind.Api.Queues;

/// <summary>
/// One reconciler's side of the contract between the watch bridge and the functions: the queue it listens on and the
/// kind of object every message on that queue names.
/// </summary>
/// <param name="Queue">The Storage queue, one of <see cref="QueueNames"/>.</param>
/// <param name="Kind">The kind of the object each message names, e.g. <c>APIServiceExportRequest</c>.</param>
public sealed record ReconcileTarget(string Queue, string Kind)
{
    /// <summary>The message asking this target's reconciler to look at <paramref name="name"/> in <paramref name="ns"/>.</summary>
    public ReconcileMessage Message(string? ns, string name, MessageCause? cause = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);

        return new ReconcileMessage { Kind = Kind, Namespace = string.IsNullOrEmpty(ns) ? null : ns, Name = name, Cause = cause };
    }

    /// <summary>Whether <paramref name="message"/> names an object of this target's kind, as a handler should check.</summary>
    public bool Accepts(ReconcileMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);

        return string.Equals(message.Kind, Kind, StringComparison.Ordinal);
    }
}
