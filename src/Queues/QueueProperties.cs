namespace KubeBind.Queues;

/// <summary>A queue's approximate length and metadata.</summary>
/// <param name="ApproximateMessageCount">The number of messages, visible or not, give or take those in flight.</param>
/// <param name="Metadata">The queue's <c>x-ms-meta-</c> name-value pairs.</param>
public sealed record QueueProperties(long ApproximateMessageCount, IReadOnlyDictionary<string, string> Metadata);
