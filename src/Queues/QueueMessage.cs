namespace KubeBind.Queues;

/// <summary>A received message: invisible to others until <see cref="NextVisibleOn"/>, settled with its <see cref="PopReceipt"/>.</summary>
public sealed record QueueMessage
{
    /// <summary>The service's id of the message.</summary>
    public required string MessageId { get; init; }

    /// <summary>The receipt that deletes or updates this delivery of the message; a later receive or update replaces it.</summary>
    public required string PopReceipt { get; init; }

    /// <summary>The decoded text; the text as on the wire when <see cref="DecodingFailed"/>.</summary>
    public required string Text { get; init; }

    /// <summary>How many times the message has been received, this time included.</summary>
    public required long DequeueCount { get; init; }

    /// <summary>When the message was put.</summary>
    public required DateTimeOffset InsertedOn { get; init; }

    /// <summary>When the message expires (year 9999 for messages that never do).</summary>
    public required DateTimeOffset ExpiresOn { get; init; }

    /// <summary>When the message becomes visible again unless it is deleted or updated first.</summary>
    public required DateTimeOffset NextVisibleOn { get; init; }

    /// <summary>The text on the wire was not valid for the client's encoding (not base64 of UTF-8, say).</summary>
    public bool DecodingFailed { get; init; }

    /// <summary>The text exactly as on the wire, for copying the message without re-encoding it.</summary>
    internal string WireText { get; init; } = string.Empty;
}
