using System.Net.Http.Headers;
using Azure.Core;

namespace KubeBind.Queues.Rest;

/// <summary>
/// Microsoft Entra authorization: a bearer token for Azure Storage from a <see cref="TokenCredential"/> (a managed
/// identity in Azure), fetched once and reused until shortly before it expires.
/// </summary>
internal sealed class BearerTokenAuthorizer : IRequestAuthorizer, IDisposable
{
    public const string Scope = "https://storage.azure.com/.default";

    // Azure.Core refreshes five minutes early too; a token must outlive the request it is sent with.
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly TokenCredential _credential;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private AccessToken? _token;

    public BearerTokenAuthorizer(TokenCredential credential, TimeProvider time)
    {
        _credential = credential;
        _time = time;
    }

    public async ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = Current() ?? await RefreshAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
    }

    public void Dispose() => _refresh.Dispose();

    private AccessToken? Current()
    {
        var token = _token;
        if (token is null)
        {
            return null;
        }

        var refreshAt = token.Value.RefreshOn ?? token.Value.ExpiresOn - RefreshMargin;
        return _time.GetUtcNow() < refreshAt ? token : null;
    }

    private async Task<AccessToken> RefreshAsync(CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another request may have refreshed it while this one waited.
            if (Current() is { } fresh)
            {
                return fresh;
            }

            var token = await _credential.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken).ConfigureAwait(false);
            _token = token;
            return token;
        }
        finally
        {
            _refresh.Release();
        }
    }
}
