namespace KubeBind.Queues.Rest;

/// <summary>One REST call: verb, path below the service endpoint, query, optional XML body, and whether a retry is safe.</summary>
/// <param name="Method">The HTTP verb.</param>
/// <param name="Path">The path below the service endpoint: <c>jobs/messages</c>.</param>
/// <param name="Operation">What the caller was doing, for error messages: <c>create queue 'jobs'</c>.</param>
internal sealed record QueueRequest(HttpMethod Method, string Path, string Operation)
{
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];

    public string? Body { get; init; }

    /// <summary>Retry after a timeout or 5xx, when the request may have been carried out already.</summary>
    public bool Idempotent { get; init; } = true;
}
