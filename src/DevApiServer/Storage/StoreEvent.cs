using System.Text.Json.Nodes;

namespace KubeBind.DevApiServer.Storage;

/// <summary>
/// A change as the store commits it, or as a particular watcher sees it (a label selector can turn a
/// modification into ADDED or DELETED for one watcher). <see cref="Previous"/> is the version it replaced.
/// </summary>
internal sealed record StoreEvent(WatchEventType Type, StoredObject? Object, StoredObject? Previous, long ResourceVersion)
{
    /// <summary>For ERROR events: the Status to send.</summary>
    public JsonObject? Status { get; init; }

    /// <summary>For the BOOKMARK that ends the initial events of a <c>sendInitialEvents</c> watch.</summary>
    public bool InitialEventsEnd { get; init; }
}
