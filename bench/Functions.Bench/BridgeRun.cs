namespace KubeBind.Functions.Bench;

/// <summary>The bridge's figures for one burst of updates, all times from the first write.</summary>
internal sealed record BridgeRun
{
    /// <summary>Where the bridge sent: Azurite or an in-memory sender.</summary>
    public required string Sink { get; init; }

    public required int Updates { get; init; }

    /// <summary>Until the last update call returned.</summary>
    public required TimeSpan Written { get; init; }

    public required long Events { get; init; }

    public required long Sent { get; init; }

    public required long Coalesced { get; init; }

    /// <summary>Until the bridge routed its last event.</summary>
    public required TimeSpan LastEvent { get; init; }

    /// <summary>Until the bridge's last message was accepted.</summary>
    public required TimeSpan LastSent { get; init; }

    /// <summary>How far sending trailed routing at the end: the outbox's backlog, in time.</summary>
    public TimeSpan Lag => LastSent > LastEvent ? LastSent - LastEvent : TimeSpan.Zero;

    public double EventsPerSecond => Events / LastEvent.TotalSeconds;

    public double MessagesPerSecond => Sent / LastSent.TotalSeconds;

    /// <summary>Events per message sent: how many changes one message stood for.</summary>
    public double CoalescingRatio => Events / (double)Math.Max(Sent, 1);
}
