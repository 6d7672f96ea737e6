namespace KubeBind.Kubernetes.Tests.LeaderElection;

/// <summary>Fault injection: while <see cref="Partitioned"/>, requests hang until cancelled, like a black-holed network.</summary>
internal sealed class PartitionHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private volatile bool _partitioned;

    public bool Partitioned { get => _partitioned; set => _partitioned = value; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_partitioned)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
