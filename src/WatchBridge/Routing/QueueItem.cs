using KubeBind.Api.Queues;

namespace KubeBind.WatchBridge.Routing;

/// <summary>One object for one reconciler: the unit the bridge queues, coalesces and sends as a message.</summary>
internal readonly record struct QueueItem(ReconcileTarget Target, ObjectName Object)
{
    /// <summary>The message text for this item, with <paramref name="cause"/>.</summary>
    public string MessageText(MessageCause cause) => Target.Message(Object.Namespace, Object.Name, cause).ToJson();

    public override string ToString() => $"{Target.Queue}:{Object}";
}
