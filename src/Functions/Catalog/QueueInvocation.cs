namespace KubeBind.Functions.Catalog;

/// <summary>One delivery of a queue message to a function, as either host (Functions or standalone) sees it.</summary>
public sealed record QueueInvocation
{
    /// <summary>The function being invoked.</summary>
    public required string FunctionName { get; init; }

    /// <summary>The queue the message came from.</summary>
    public required string QueueName { get; init; }

    /// <summary>The message text, already base64-decoded.</summary>
    public required string MessageText { get; init; }

    /// <summary>How many times the message has been delivered, this delivery included.</summary>
    public long DequeueCount { get; init; } = 1;

    /// <summary>The Storage message id, when the host knows it.</summary>
    public string? MessageId { get; init; }

    /// <summary>When the message was first put on the queue, when the host knows it.</summary>
    public DateTimeOffset? InsertedAt { get; init; }
}
