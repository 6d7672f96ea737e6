using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using KubeBind.Kubernetes.Models;
using KubeBind.Kubernetes.Rest;

namespace KubeBind.Kubernetes;

/// <summary>
/// The entry point: one per cluster and process. Holds the connection pool, credentials, the client-side rate limit
/// and the retry policy; <see cref="Resource(GroupVersionResource)"/> gives a client for one resource.
/// </summary>
public sealed class KubernetesClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly TokenBucket _limiter;
    private readonly string _basePath;

    public KubernetesClient(KubernetesConfiguration configuration, KubernetesClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Configuration = configuration;
        Options = options ?? new KubernetesClientOptions();
        _http = new HttpClient(Options.MessageHandler ?? configuration.CreateHandler(), disposeHandler: Options.MessageHandler is null)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _limiter = new TokenBucket(Options.Qps, Options.Burst, Options.TimeProvider);
        _basePath = configuration.Server.AbsolutePath.TrimEnd('/');
    }

    public KubernetesConfiguration Configuration { get; }

    public KubernetesClientOptions Options { get; }

    /// <summary>Dynamic access to any resource as JsonObject, preserving every field.</summary>
    public ResourceClient<JsonObject> Resource(GroupVersionResource resource) => new(this, resource, JsonObjectCodec.Instance);

    /// <summary>Typed access to a resource whose objects are <typeparamref name="T"/>.</summary>
    public ResourceClient<T> Resource<T>(GroupVersionResource resource, JsonTypeInfo<T> typeInfo) => new(this, resource, new TypedCodec<T>(typeInfo));

    /// <summary>GETs a path (discovery, /version, ...) and returns its JSON.</summary>
    public async Task<JsonNode?> GetJsonAsync(string path, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, Uri(path)), idempotent: true, streaming: false, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(response, $"GET {path}", cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();

    internal Uri Uri(string pathAndQuery) => new(Configuration.Server, _basePath + pathAndQuery);

    /// <summary>
    /// Sends with rate limiting, credentials, one re-authentication after 401, and retries: after 429 always (the server
    /// did not act), after 5xx or connection failures only when <paramref name="idempotent"/>.
    /// </summary>
    internal async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> build, bool idempotent, bool streaming, CancellationToken cancellationToken)
    {
        var reauthenticated = false;
        for (var attempt = 0; ; attempt++)
        {
            await _limiter.WaitAsync(cancellationToken).ConfigureAwait(false);
            using var request = build();
            request.Headers.UserAgent.ParseAdd(Options.UserAgent);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (Configuration.Credentials is { } credentials)
            {
                request.Headers.Authorization = (await credentials.GetAsync(cancellationToken).ConfigureAwait(false)).Authorization;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (!streaming)
            {
                timeout.CancelAfter(Options.RequestTimeout);
            }

            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, streaming ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (IsTransient(e, cancellationToken) && idempotent && attempt < Options.MaxRetries)
            {
                await DelayAsync(attempt, null, cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                // Our own timeout, not the caller's cancellation: say so, or callers mistake it for being stopped.
                throw new TimeoutException($"{request.Method} {request.RequestUri} did not complete within {Options.RequestTimeout}", e);
            }

            if (response.StatusCode == HttpStatusCode.Unauthorized && !reauthenticated && Configuration.Credentials is { } expired)
            {
                // Exec plugins and rotated token files may hold a fresher credential: ask once more.
                response.Dispose();
                expired.Invalidate();
                reauthenticated = true;
                attempt--;
                continue;
            }

            var retryable = response.StatusCode == HttpStatusCode.TooManyRequests ||
                (idempotent && (int)response.StatusCode >= 500 && response.StatusCode != HttpStatusCode.NotImplemented);
            if (retryable && attempt < Options.MaxRetries)
            {
                var retryAfter = response.Headers.RetryAfter?.Delta;
                response.Dispose();
                await DelayAsync(attempt, retryAfter, cancellationToken).ConfigureAwait(false);
                continue;
            }

            return response;
        }
    }

    /// <summary>Throws <see cref="KubernetesApiException"/> with the server's Status unless the response succeeded.</summary>
    internal static async Task EnsureSuccessAsync(HttpResponseMessage response, string request, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        throw new KubernetesApiException(response.StatusCode, ParseStatus(body, response.StatusCode), request);
    }

    internal static async Task<JsonNode?> ReadJsonAsync(HttpResponseMessage response, string request, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, request, cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonNode.ParseAsync(stream, documentOptions: new JsonDocumentOptions { MaxDepth = 256 }, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    internal static Status ParseStatus(string body, HttpStatusCode code)
    {
        try
        {
            if (JsonSerializer.Deserialize(body, KubernetesJson.TypeInfo<Status>()) is { Kind: "Status" } status)
            {
                return status;
            }
        }
        catch (JsonException)
        {
            // Not a Status (a proxy's HTML error page, say): synthesize one below.
        }

        return new Status
        {
            Kind = "Status",
            Outcome = "Failure",
            Code = (int)code,
            Message = body.Length > 512 ? body[..512] + "..." : body,
            Reason = code switch
            {
                HttpStatusCode.NotFound => "NotFound",
                HttpStatusCode.Conflict => "Conflict",
                HttpStatusCode.Forbidden => "Forbidden",
                HttpStatusCode.Unauthorized => "Unauthorized",
                HttpStatusCode.Gone => "Gone",
                HttpStatusCode.TooManyRequests => "TooManyRequests",
                HttpStatusCode.BadRequest => "BadRequest",
                _ => string.Empty,
            },
        };
    }

    private static bool IsTransient(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private Task DelayAsync(int attempt, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        var backoff = Options.InitialRetryDelay * Math.Pow(2, attempt);
        var capped = backoff > Options.MaxRetryDelay ? Options.MaxRetryDelay : backoff;
        // Full jitter between half and all of the backoff, so many clients do not retry in lockstep.
        var delay = retryAfter is { } serverDelay
            ? (serverDelay > Options.MaxRetryDelay ? Options.MaxRetryDelay : serverDelay)
            : capped * (0.5 + (Random.Shared.NextDouble() / 2));
        return Task.Delay(delay, Options.TimeProvider, cancellationToken);
    }
}
