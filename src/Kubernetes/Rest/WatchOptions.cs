namespace KubeBind.Kubernetes.Rest;

/// <summary>What to watch and from where.</summary>
public sealed record WatchOptions
{
    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    /// <summary>Start after this resourceVersion; empty or "0" starts with ADDED events for every current object.</summary>
    public string? ResourceVersion { get; init; }

    /// <summary>Ask for BOOKMARK events, which keep the resume point fresh on quiet resources.</summary>
    public bool AllowBookmarks { get; init; } = true;

    /// <summary>Server-side duration of one watch request; the stream reconnects when it ends.</summary>
    public TimeSpan? ServerTimeout { get; init; }

    /// <summary>Reconnect (from the last resourceVersion seen) when the server ends the stream or the connection drops.</summary>
    public bool Reconnect { get; init; } = true;
}
