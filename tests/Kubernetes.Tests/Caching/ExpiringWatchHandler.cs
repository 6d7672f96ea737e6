namespace KubeBind.Kubernetes.Tests.Caching;

/// <summary>Fault injection: holds the first watch until released, then sends it with resourceVersion=1 so the server answers 410.</summary>
internal sealed class ExpiringWatchHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _watches;

    /// <summary>Completes when the first watch is being held.</summary>
    public Task Held => _held.Task;

    public void Release() => _release.TrySetResult();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        if (uri.Query.Contains("watch=true", StringComparison.Ordinal) && Interlocked.Increment(ref _watches) == 1)
        {
            _held.TrySetResult();
            await _release.Task.WaitAsync(cancellationToken);
            var query = string.Join('&', uri.Query.TrimStart('?').Split('&').Select(p => p.StartsWith("resourceVersion=", StringComparison.Ordinal) ? "resourceVersion=1" : p));
            request.RequestUri = new UriBuilder(uri) { Query = query }.Uri;
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
