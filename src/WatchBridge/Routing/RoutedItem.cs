using KubeBind.Api.Queues;

namespace KubeBind.WatchBridge.Routing;

/// <summary>A queue item produced by routing, with the cause its message will carry.</summary>
internal readonly record struct RoutedItem(QueueItem Item, MessageCause Cause);
