using System.Net;

namespace KubeBind.Kubernetes;

/// <summary>Adds each request's Authorization header from an <see cref="ICredentialProvider"/> and retries once after a 401 with fresh credentials.</summary>
public sealed class CredentialHandler : DelegatingHandler
{
    private readonly ICredentialProvider _credentials;

    /// <summary>Creates a handler that authenticates with <paramref name="credentials"/>.</summary>
    public CredentialHandler(ICredentialProvider credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        _credentials = credentials;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var credential = await _credentials.GetAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = credential.Authorization;
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || !CanResend(request))
        {
            return response;
        }

        // client-go refreshes exec and token-file credentials after a 401; one retry, so a real rejection stays a 401.
        _credentials.Invalidate();
        var fresh = await _credentials.GetAsync(cancellationToken).ConfigureAwait(false);
        if (Equals(fresh.Authorization, credential.Authorization) && ReferenceEquals(fresh.ClientCertificate, credential.ClientCertificate))
        {
            return response;
        }

        response.Dispose();
        request.Headers.Authorization = fresh.Authorization;
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    // A streamed body has been consumed by the first attempt; only bodiless or buffered requests can go again.
    private static bool CanResend(HttpRequestMessage request) =>
        request.Content is null or ByteArrayContent;
}
