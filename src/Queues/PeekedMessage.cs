namespace KubeBind.Queues;

/// <summary>A message seen by peek: it stays visible and has no pop receipt.</summary>
public sealed record PeekedMessage
{
    /// <summary>The service's id of the message.</summary>
    public required string MessageId { get; init; }

    /// <summary>The decoded text; the text as on the wire when <see cref="DecodingFailed"/>.</summary>
    public required string Text { get; init; }

    /// <summary>How many times the message has been received.</summary>
    public required long DequeueCount { get; init; }

    /// <summary>When the message was put.</summary>
    public required DateTimeOffset InsertedOn { get; init; }

    /// <summary>When the message expires (year 9999 for messages that never do).</summary>
    public required DateTimeOffset ExpiresOn { get; init; }

    /// <summary>The text on the wire was not valid for the client's encoding.</summary>
    public bool DecodingFailed { get; init; }
}
