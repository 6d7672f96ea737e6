namespace KubeBind.Queues;

/// <summary>What the service answers to a put: the new message's id, receipt and times.</summary>
public sealed record SendReceipt
{
    /// <summary>The service's id of the new message.</summary>
    public required string MessageId { get; init; }

    /// <summary>A receipt that deletes or updates the message until it is received.</summary>
    public required string PopReceipt { get; init; }

    /// <summary>When the message was put.</summary>
    public required DateTimeOffset InsertedOn { get; init; }

    /// <summary>When the message expires (year 9999 for messages that never do).</summary>
    public required DateTimeOffset ExpiresOn { get; init; }

    /// <summary>When the message becomes visible.</summary>
    public required DateTimeOffset NextVisibleOn { get; init; }
}
