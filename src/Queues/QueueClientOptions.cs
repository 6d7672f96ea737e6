namespace KubeBind.Queues;

/// <summary>Transport, encoding and retry settings of a <see cref="QueueServiceClient"/>.</summary>
public sealed class QueueClientOptions
{
    /// <summary>How message text is encoded on the wire; Base64 matches the Functions queue trigger's default.</summary>
    public QueueMessageEncoding MessageEncoding { get; set; } = QueueMessageEncoding.Base64;

    /// <summary>An HttpClient to send with (the caller owns it); null creates one.</summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>A handler for the client to create its HttpClient over (the caller owns it); ignored with <see cref="HttpClient"/>.</summary>
    public HttpMessageHandler? Handler { get; set; }

    /// <summary>The clock for request dates, token expiry, timeouts and retry delays.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Retries after a transient failure (a timeout, a 5xx or no connection) before giving up.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The delay before the first retry; it doubles for each further one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest delay between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one attempt may take before it counts as a timeout.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
