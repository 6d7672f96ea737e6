using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeBind.Kubernetes.Models;

namespace KubeBind.Kubernetes.Rest;

/// <summary>
/// The verbs of one resource. A null namespace means cluster-scoped objects, or all namespaces for list and watch;
/// writes default to the object's own metadata.namespace.
/// </summary>
public sealed class ResourceClient<T>
{
    private const int DefaultPageSize = 500;
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 256 };

    private readonly KubernetesClient _client;
    private readonly IResourceCodec<T> _codec;

    internal ResourceClient(KubernetesClient client, GroupVersionResource resource, IResourceCodec<T> codec)
    {
        _client = client;
        Resource = resource;
        _codec = codec;
    }

    public GroupVersionResource Resource { get; }

    public async Task<T> GetAsync(string name, string? ns = null, CancellationToken cancellationToken = default) =>
        await SendAsync(HttpMethod.Get, Path(ns, name), null, null, idempotent: true, cancellationToken).ConfigureAwait(false);

    /// <summary>Gets the named object, or null when it does not exist.</summary>
    public async Task<T?> GetOrNullAsync(string name, string? ns = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetAsync(name, ns, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            return default;
        }
    }

    /// <summary>One page of a list; pass the previous page's <see cref="ResourceList{T}.Continue"/> to get the next.</summary>
    public async Task<ResourceList<T>> ListPageAsync(string? ns = null, ListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ListOptions();
        var query = Query(
            ("labelSelector", options.LabelSelector),
            ("fieldSelector", options.FieldSelector),
            ("limit", options.Limit > 0 ? options.Limit.ToString(CultureInfo.InvariantCulture) : null),
            ("continue", options.Continue),
            ("resourceVersion", options.ResourceVersion));
        var json = await SendJsonAsync(HttpMethod.Get, Path(ns, null) + query, null, null, idempotent: true, cancellationToken).ConfigureAwait(false);
        var metadata = json["metadata"] as JsonObject;
        var items = (json["items"] as JsonArray ?? []).OfType<JsonObject>().Select(item =>
        {
            var detached = (JsonObject)item.DeepClone();
            // Typed lists omit kind/apiVersion on items; restore them so every object is self-describing.
            detached["apiVersion"] ??= Resource.ApiVersion;
            detached["kind"] ??= (json["kind"]?.GetValue<string>() is { } listKind && listKind.EndsWith("List", StringComparison.Ordinal) ? listKind[..^4] : null);
            return _codec.Decode(detached);
        }).ToList();
        var token = metadata?["continue"]?.GetValue<string>();
        return new ResourceList<T>(items, metadata?["resourceVersion"]?.GetValue<string>() ?? string.Empty, string.IsNullOrEmpty(token) ? null : token);
    }

    /// <summary>Every matching object, paging transparently; the result's resourceVersion is the first page's (a consistent snapshot).</summary>
    public async Task<ResourceList<T>> ListAsync(string? ns = null, ListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ListOptions();
        var page = await ListPageAsync(ns, options with { Limit = options.Limit > 0 ? options.Limit : DefaultPageSize, Continue = null }, cancellationToken).ConfigureAwait(false);
        var items = page.Items.ToList();
        var resourceVersion = page.ResourceVersion;
        while (page.Continue is { } token)
        {
            page = await ListPageAsync(ns, options with { Limit = options.Limit > 0 ? options.Limit : DefaultPageSize, Continue = token, ResourceVersion = null }, cancellationToken).ConfigureAwait(false);
            items.AddRange(page.Items);
        }

        return new ResourceList<T>(items, resourceVersion, null);
    }

    public async Task<T> CreateAsync(T obj, string? ns = null, WriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        var json = _codec.Encode(obj);
        return await SendAsync(HttpMethod.Post, Path(ns ?? NamespaceOf(json), null) + WriteQuery(options), json, "application/json", idempotent: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces the object (optimistic concurrency through its metadata.resourceVersion).</summary>
    public Task<T> UpdateAsync(T obj, string? ns = null, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        ReplaceAsync(obj, ns, null, options, cancellationToken);

    /// <summary>Replaces the status subresource.</summary>
    public Task<T> UpdateStatusAsync(T obj, string? ns = null, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        ReplaceAsync(obj, ns, "status", options, cancellationToken);

    public async Task<T> PatchAsync(string name, PatchType type, JsonNode patch, string? ns = null, string? subresource = null, WriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var contentType = type switch
        {
            PatchType.Merge => "application/merge-patch+json",
            PatchType.Json => "application/json-patch+json",
            PatchType.StrategicMerge => "application/strategic-merge-patch+json",
            _ => "application/apply-patch+yaml",
        };
        return await SendAsync(HttpMethod.Patch, Path(ns, name, subresource) + WriteQuery(options), patch, contentType, idempotent: type == PatchType.Apply, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Server-side apply: owns exactly the fields in <paramref name="obj"/> as <paramref name="fieldManager"/>; conflicts throw unless forced.</summary>
    public async Task<T> ApplyAsync(T obj, string fieldManager, bool force = false, string? ns = null, string? subresource = null, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(fieldManager);
        var json = _codec.Encode(obj);
        var name = NameOf(json);
        var query = Query(("fieldManager", fieldManager), ("force", force ? "true" : null), ("dryRun", dryRun ? "All" : null));
        return await SendAsync(HttpMethod.Patch, Path(ns ?? NamespaceOf(json), name, subresource) + query, json, "application/apply-patch+yaml", idempotent: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the object; returns its last state when the server sends it (null when it answers with a Status).</summary>
    public async Task<T?> DeleteAsync(string name, string? ns = null, DeleteOptions? options = null, CancellationToken cancellationToken = default)
    {
        var json = await SendJsonAsync(HttpMethod.Delete, Path(ns, name), DeleteBody(options), "application/json", idempotent: true, cancellationToken).ConfigureAwait(false);
        return json["kind"]?.GetValue<string>() == "Status" ? default : _codec.Decode(json);
    }

    public async Task DeleteCollectionAsync(string? ns = null, ListOptions? selection = null, DeleteOptions? options = null, CancellationToken cancellationToken = default)
    {
        var query = Query(("labelSelector", selection?.LabelSelector), ("fieldSelector", selection?.FieldSelector));
        await SendJsonAsync(HttpMethod.Delete, Path(ns, null) + query, DeleteBody(options), "application/json", idempotent: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Watches changes. The stream survives server timeouts and dropped connections by re-watching from the last
    /// resourceVersion it delivered (bookmarks keep that fresh); a version too old for the server surfaces as a
    /// <see cref="KubernetesApiException"/> with <see cref="KubernetesApiException.IsGone"/>: relist and watch again.
    /// A watch started without a resourceVersion ends, rather than reconnects, until it has seen one.
    /// </summary>
    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync(string? ns = null, WatchOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        options ??= new WatchOptions();
        var resourceVersion = options.ResourceVersion;
        var failures = 0;
        while (true)
        {
            var query = Query(
                ("watch", "true"),
                ("labelSelector", options.LabelSelector),
                ("fieldSelector", options.FieldSelector),
                ("resourceVersion", resourceVersion),
                ("allowWatchBookmarks", options.AllowBookmarks ? "true" : null),
                ("timeoutSeconds", options.ServerTimeout is { } t ? ((int)t.TotalSeconds).ToString(CultureInfo.InvariantCulture) : null));
            var path = Path(ns, null) + query;
            HttpResponseMessage response;
            try
            {
                response = await _client.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, _client.Uri(path)), idempotent: true, streaming: true, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (options.Reconnect && e is HttpRequestException or IOException && failures++ < _client.Options.MaxRetries)
            {
                await Task.Delay(_client.Options.InitialRetryDelay * failures, _client.Options.TimeProvider, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var delivered = false;
            using (response)
            {
                await KubernetesClient.EnsureSuccessAsync(response, $"watch {Resource}", cancellationToken).ConfigureAwait(false);
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    using var reader = new StreamReader(stream, Encoding.UTF8);
                    while (true)
                    {
                        string? line;
                        try
                        {
                            line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                        }
                        catch (Exception e) when (options.Reconnect && e is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
                        {
                            break; // dropped connection: re-watch from the last delivered resourceVersion
                        }

                        if (line is null)
                        {
                            break; // the server ended the watch (timeout): re-watch
                        }

                        if (line.Length == 0)
                        {
                            continue;
                        }

                        var watchEvent = ParseEvent(line);
                        failures = 0;
                        delivered = true;
                        resourceVersion = watchEvent.ResourceVersion.Length > 0 ? watchEvent.ResourceVersion : resourceVersion;
                        yield return watchEvent;
                    }
                }
            }

            // Without a known version a new watch would replay every object as ADDED and miss deletions meanwhile,
            // so such a stream ends instead; callers (informers) relist and watch from the list's version.
            if (!options.Reconnect || string.IsNullOrEmpty(resourceVersion) || resourceVersion == "0")
            {
                yield break;
            }

            if (!delivered && failures++ < _client.Options.MaxRetries)
            {
                // A stream that ended without delivering anything: back off so a closing proxy cannot make us spin.
                await Task.Delay(_client.Options.InitialRetryDelay * failures, _client.Options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
            else if (!delivered)
            {
                throw new IOException($"watch {Resource}: the server kept ending the watch without events");
            }
        }
    }

    private WatchEvent<T> ParseEvent(string line)
    {
        var node = JsonNode.Parse(line, documentOptions: ParseOptions) as JsonObject ?? throw new JsonException($"watch {Resource}: not a JSON object: {line}");
        var type = node["type"]?.GetValue<string>();
        var obj = node["object"] as JsonObject ?? throw new JsonException($"watch {Resource}: event without an object");
        if (type == "ERROR")
        {
            var status = obj.Deserialize(KubernetesJson.TypeInfo<Status>()) ?? new Status();
            throw new KubernetesApiException((HttpStatusCode)(status.Code == 0 ? 500 : status.Code), status, $"watch {Resource}");
        }

        var eventType = type switch
        {
            "ADDED" => WatchEventType.Added,
            "MODIFIED" => WatchEventType.Modified,
            "DELETED" => WatchEventType.Deleted,
            "BOOKMARK" => WatchEventType.Bookmark,
            _ => throw new JsonException($"watch {Resource}: unknown event type '{type}'"),
        };
        node.Remove("object");
        var resourceVersion = (obj["metadata"] as JsonObject)?["resourceVersion"]?.GetValue<string>() ?? string.Empty;
        return new WatchEvent<T>(eventType, _codec.Decode(obj), resourceVersion);
    }

    private async Task<T> ReplaceAsync(T obj, string? ns, string? subresource, WriteOptions? options, CancellationToken cancellationToken)
    {
        var json = _codec.Encode(obj);
        return await SendAsync(HttpMethod.Put, Path(ns ?? NamespaceOf(json), NameOf(json), subresource) + WriteQuery(options), json, "application/json", idempotent: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> SendAsync(HttpMethod method, string path, JsonNode? body, string? contentType, bool idempotent, CancellationToken cancellationToken) =>
        _codec.Decode(await SendJsonAsync(method, path, body, contentType, idempotent, cancellationToken).ConfigureAwait(false));

    private async Task<JsonObject> SendJsonAsync(HttpMethod method, string path, JsonNode? body, string? contentType, bool idempotent, CancellationToken cancellationToken)
    {
        var payload = body?.ToJsonString();
        using var response = await _client.SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(method, _client.Uri(path));
                if (payload is not null)
                {
                    request.Content = new StringContent(payload, Encoding.UTF8);
                    request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType ?? "application/json");
                }

                return request;
            },
            idempotent,
            streaming: false,
            cancellationToken).ConfigureAwait(false);
        var json = await KubernetesClient.ReadJsonAsync(response, $"{method} {Resource} {path}", cancellationToken).ConfigureAwait(false);
        return json as JsonObject ?? throw new JsonException($"{method} {path}: the server did not answer with a JSON object");
    }

    private string Path(string? ns, string? name, string? subresource = null)
    {
        var builder = new StringBuilder(Resource.PathPrefix);
        if (!string.IsNullOrEmpty(ns))
        {
            builder.Append("/namespaces/").Append(Uri.EscapeDataString(ns));
        }

        builder.Append('/').Append(Resource.Resource);
        if (!string.IsNullOrEmpty(name))
        {
            builder.Append('/').Append(Uri.EscapeDataString(name));
        }

        if (!string.IsNullOrEmpty(subresource))
        {
            builder.Append('/').Append(subresource);
        }

        return builder.ToString();
    }

    private static string WriteQuery(WriteOptions? options) => options is null
        ? string.Empty
        : Query(("dryRun", options.DryRun ? "All" : null), ("fieldManager", options.FieldManager), ("fieldValidation", options.FieldValidation));

    private static string Query(params (string Name, string? Value)[] parameters)
    {
        var parts = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
    }

    private static JsonObject? DeleteBody(DeleteOptions? options)
    {
        if (options is null)
        {
            return null;
        }

        var body = new JsonObject { ["kind"] = "DeleteOptions", ["apiVersion"] = "v1" };
        if (options.PropagationPolicy is not null)
        {
            body["propagationPolicy"] = options.PropagationPolicy;
        }

        if (options.GracePeriodSeconds is { } grace)
        {
            body["gracePeriodSeconds"] = grace;
        }

        if (options.DryRun)
        {
            body["dryRun"] = new JsonArray("All");
        }

        if (options.PreconditionUid is not null || options.PreconditionResourceVersion is not null)
        {
            var preconditions = new JsonObject();
            if (options.PreconditionUid is not null)
            {
                preconditions["uid"] = options.PreconditionUid;
            }

            if (options.PreconditionResourceVersion is not null)
            {
                preconditions["resourceVersion"] = options.PreconditionResourceVersion;
            }

            body["preconditions"] = preconditions;
        }

        return body;
    }

    private static string? NamespaceOf(JsonObject json) => (json["metadata"] as JsonObject)?["namespace"]?.GetValue<string>();

    private static string NameOf(JsonObject json) =>
        (json["metadata"] as JsonObject)?["name"]?.GetValue<string>() is { Length: > 0 } name
            ? name
            : throw new ArgumentException("the object has no metadata.name", nameof(json));
}
