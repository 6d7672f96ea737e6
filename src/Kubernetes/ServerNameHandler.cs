namespace KubeBind.Kubernetes;

/// <summary>
/// Sends kubeconfig's <c>tls-server-name</c> as the TLS server name (SNI): SocketsHttpHandler takes SNI from the
/// request's Host header when one is set, and ignores <c>SslOptions.TargetHost</c>.
/// </summary>
internal sealed class ServerNameHandler(string serverName, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Host = serverName;
        return base.SendAsync(request, cancellationToken);
    }
}
