using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace KubeBind.Queues.Rest;

/// <summary>
/// Sends <see cref="QueueRequest"/>s: adds the version, date and authorization headers, retries transient failures
/// with bounded exponential backoff, and turns every failure into a <see cref="QueueStorageException"/>.
/// </summary>
internal sealed class QueuePipeline : IDisposable
{
    /// <summary>The REST API version we speak: supported by Azure and by Azurite 3.37 without --skipApiVersionCheck.</summary>
    public const string ApiVersion = "2023-11-03";

    private static readonly MediaTypeHeaderValue Xml = new("application/xml");

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly IRequestAuthorizer _authorizer;
    private readonly QueueClientOptions _options;

    public QueuePipeline(Uri serviceUri, IRequestAuthorizer authorizer, QueueClientOptions options)
    {
        // A trailing slash makes relative paths land below the account segment of path-style (emulator) URLs.
        ServiceUri = serviceUri.AbsoluteUri.EndsWith('/') ? serviceUri : new Uri(serviceUri.AbsoluteUri + "/");
        _authorizer = authorizer;
        _options = options;
        if (options.HttpClient is { } http)
        {
            _http = http;
        }
        else
        {
            _http = options.Handler is { } handler
                ? new HttpClient(handler, disposeHandler: false)
                : new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
            _http.Timeout = Timeout.InfiniteTimeSpan; // RequestTimeout bounds each attempt instead
            _ownsHttp = true;
        }
    }

    public Uri ServiceUri { get; }

    public async Task<QueueResponse> SendAsync(QueueRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            QueueStorageException failure;
            bool retryable;
            try
            {
                using var message = await CreateMessageAsync(request, cancellationToken).ConfigureAwait(false);
                using var timeout = new CancellationTokenSource(_options.RequestTimeout, _options.TimeProvider);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
                using var response = await _http.SendAsync(message, linked.Token).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return new QueueResponse(response.StatusCode, response.Headers, body);
                }

                var errorCode = response.Headers.TryGetValues("x-ms-error-code", out var codes) ? codes.FirstOrDefault() : null;
                failure = QueueErrors.FromResponse(request.Operation, response.StatusCode, errorCode, body, attempt);
                retryable = request.Idempotent && QueueErrors.IsTransient(response.StatusCode);
            }
            catch (HttpRequestException e)
            {
                failure = QueueErrors.Unreachable(request.Operation, ServiceUri, e, attempt);

                // A request that never reached the service is safe to send again, even a non-idempotent one.
                retryable = request.Idempotent || e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                failure = new QueueStorageException(null, null,
                    $"{request.Operation} failed: no answer from the queue service within {_options.RequestTimeout.TotalSeconds:0.#}s", e);
                retryable = request.Idempotent;
            }

            if (!retryable || attempt > _options.MaxRetries)
            {
                throw failure;
            }

            await Task.Delay(Backoff(attempt), _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }

        (_authorizer as IDisposable)?.Dispose();
    }

    private async Task<HttpRequestMessage> CreateMessageAsync(QueueRequest request, CancellationToken cancellationToken)
    {
        var query = string.Join('&', request.Query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        var uri = new Uri(ServiceUri, query.Length == 0 ? request.Path : $"{request.Path}?{query}");
        var message = new HttpRequestMessage(request.Method, uri);
        message.Headers.TryAddWithoutValidation("x-ms-version", ApiVersion);
        message.Headers.TryAddWithoutValidation("x-ms-date", _options.TimeProvider.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(request.Body));
            message.Content.Headers.ContentType = Xml;
        }

        try
        {
            await _authorizer.AuthorizeAsync(message, cancellationToken).ConfigureAwait(false);
            return message;
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var exponential = _options.RetryDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var capped = Math.Min(exponential, _options.MaxRetryDelay.TotalMilliseconds);

        // Jitter keeps many instances that failed together from retrying together.
        return TimeSpan.FromMilliseconds(capped * (0.8 + (0.4 * Random.Shared.NextDouble())));
    }
}
