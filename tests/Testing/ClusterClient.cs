using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using KubeBind.Kubernetes;
using KubeBind.Kubernetes.Config;

namespace KubeBind.Testing;

/// <summary>
/// The conformance suite's deliberately small client: raw verbs on paths, JSON in and out, nothing hidden, so
/// tests see exactly what the server answers. It knows nothing of DevApiServer and works against any cluster.
/// </summary>
public sealed class ClusterClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly ICredentialProvider? _credentials;
    private readonly bool _ownsHttp;

    public ClusterClient(HttpMessageHandler handler, Uri server, string? token)
        : this(handler, server, token is null ? null : StaticCredentialProvider.Bearer(token))
    {
    }

    /// <summary>A client whose requests carry <paramref name="credentials"/> (a kubeconfig's, say; null: anonymous).</summary>
    public ClusterClient(HttpMessageHandler handler, Uri server, ICredentialProvider? credentials)
        : this(new HttpClient(handler, disposeHandler: true) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(60) }, credentials, ownsHttp: true)
    {
    }

    private ClusterClient(HttpClient http, ICredentialProvider? credentials, bool ownsHttp)
    {
        _http = http;
        _credentials = credentials;
        _ownsHttp = ownsHttp;
    }

    public Uri Server => _http.BaseAddress!;

    /// <summary>The same connection pool with another identity (null: anonymous).</summary>
    public ClusterClient WithToken(string? token) => new(_http, token is null ? null : StaticCredentialProvider.Bearer(token), ownsHttp: false);

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, JsonNode? body = null, string? contentType = null, IReadOnlyDictionary<string, string>? headers = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? "application/json");
        }

        return await SendAsync(request, headers, cancellationToken);
    }

    /// <summary>Sends a raw body (malformed JSON, YAML, huge payloads).</summary>
    public async Task<ApiResponse> SendRawAsync(HttpMethod method, string path, byte[] body, string contentType, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await SendAsync(request, null, cancellationToken);
    }

    public Task<ApiResponse> GetAsync(string path, CancellationToken cancellationToken = default) => SendAsync(HttpMethod.Get, path, cancellationToken: cancellationToken);

    public Task<ApiResponse> PostAsync(string path, JsonNode body) => SendAsync(HttpMethod.Post, path, body);

    public Task<ApiResponse> PutAsync(string path, JsonNode body) => SendAsync(HttpMethod.Put, path, body);

    public Task<ApiResponse> PatchAsync(string path, string contentType, JsonNode body) => SendAsync(HttpMethod.Patch, path, body, contentType);

    public Task<ApiResponse> DeleteAsync(string path, JsonNode? options = null) => SendAsync(HttpMethod.Delete, path, options);

    /// <summary>Creates and returns the object, failing the test with the server's message otherwise.</summary>
    public async Task<JsonObject> CreateAsync(string collectionPath, JsonObject obj) => (await PostAsync(collectionPath, obj)).EnsureSuccess().Body;

    /// <summary>Streams watch events (type and object) from <paramref name="path"/> until the server ends the stream or the token fires.</summary>
    public async IAsyncEnumerable<(string Type, JsonObject Object)> WatchAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        await AuthorizeAsync(request, cancellationToken);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"watch {path} failed with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var e = JsonNode.Parse(line)!.AsObject();
            yield return (e["type"]!.GetValue<string>(), e["object"]!.AsObject());
        }
    }

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private async Task<ApiResponse> SendAsync(HttpRequestMessage request, IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken)
    {
        await AuthorizeAsync(request, cancellationToken);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return new ApiResponse(response.StatusCode, text, response.Headers, response.Content.Headers.ContentType?.MediaType);
    }

    private async Task AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_credentials is not null)
        {
            request.Headers.Authorization = (await _credentials.GetAsync(cancellationToken)).Authorization;
        }
    }
}
