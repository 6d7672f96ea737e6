using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Api;
using KubeBind.DevApiServer.Registry;
using KubeBind.DevApiServer.Resources;
using KubeBind.DevApiServer.Selection;
using KubeBind.DevApiServer.Storage;

namespace KubeBind.DevApiServer.Http;

/// <summary>
/// Streams a watch as newline-delimited JSON events, the way kube-apiserver does over HTTP/1.1 chunked encoding
/// (or HTTP/2 data frames): initial ADDED events or history replay, live events, bookmarks, timeouts, and a
/// 410 ERROR event for versions older than the history.
/// </summary>
internal sealed class WatchStreamer
{
    private static readonly byte[] Newline = "\n"u8.ToArray();
    private static readonly byte[] AddedPrefix = """{"type":"ADDED","object":"""u8.ToArray();
    private static readonly byte[] ModifiedPrefix = """{"type":"MODIFIED","object":"""u8.ToArray();
    private static readonly byte[] DeletedPrefix = """{"type":"DELETED","object":"""u8.ToArray();
    private static readonly byte[] EventSuffix = "}\n"u8.ToArray();
    private const long MaxTimeoutSeconds = 7 * 24 * 3600;

    private readonly ApiServerServices _services;
    private readonly CancellationToken _stopping;

    /// <param name="services">The server's state.</param>
    /// <param name="stopping">Fires when the server shuts down: open watches end so shutdown never waits on them.</param>
    public WatchStreamer(ApiServerServices services, CancellationToken stopping)
    {
        _services = services;
        _stopping = stopping;
    }

    public async Task StreamAsync(HttpContext context, ResourceType type, string? ns, string name)
    {
        var query = context.Request.Query;
        var labels = LabelSelector.Parse(query["labelSelector"]);
        var fields = FieldSelector.Parse(query["fieldSelector"], type);
        var bookmarks = query["allowWatchBookmarks"].ToString() is "true" or "1";
        var sendInitialEvents = query["sendInitialEvents"].ToString() is "true" or "1";
        var rvText = query["resourceVersion"].ToString();
        long? from = null;
        if (!sendInitialEvents && rvText is not ("" or "0"))
        {
            from = long.TryParse(rvText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
                ? parsed
                : throw ApiException.BadRequest($"resourceVersion: Invalid value: \"{rvText}\": must be a non-negative integer");
        }

        // kube-apiserver's default: a random 30-60 minutes; 0 means the default too; very long values are capped.
        var timeout = TimeSpan.FromMinutes(30 + Random.Shared.Next(30));
        if (query["timeoutSeconds"].ToString() is { Length: > 0 } timeoutText)
        {
            var seconds = long.TryParse(timeoutText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed >= 0
                ? parsed
                : throw ApiException.BadRequest($"timeoutSeconds: Invalid value: \"{timeoutText}\": must be a non-negative integer");
            if (seconds > 0)
            {
                timeout = TimeSpan.FromSeconds(Math.Min(seconds, MaxTimeoutSeconds));
            }
        }

        var table = TableConverter.Wants(context.Request.Headers.Accept.ToString())
            ? new TableWatch(query["includeObject"].ToString(), _services)
            : null;
        Func<StoredObject, bool> filter = obj => (name.Length == 0 || obj.Name == name) && labels.Matches(obj.Labels) && fields.Matches(obj);
        using var watcher = _services.Store.Watch(type.GroupResource, ns, filter, from, initialEventsEndBookmark: sendInitialEvents && bookmarks);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping);
        timeoutSource.CancelAfter(timeout);
        var cancellationToken = timeoutSource.Token;

        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "application/json";
        response.Headers.CacheControl = "no-cache, private";
        using var ticker = new PeriodicTimer(_services.Options.BookmarkInterval, _services.Time);
        Task<bool>? tick = null;
        try
        {
            await response.StartAsync(cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
            while (true)
            {
                var waitForEvents = watcher.Events.WaitToReadAsync(cancellationToken).AsTask();
                if (bookmarks)
                {
                    tick ??= ticker.WaitForNextTickAsync(cancellationToken).AsTask();
                    var first = await Task.WhenAny(waitForEvents, tick);
                    if (first == tick)
                    {
                        tick = null;
                        if (_services.Store.BookmarkVersion(watcher) is { } version)
                        {
                            await WriteAsync(response, Bookmark(type, version, initialEventsEnd: false), cancellationToken);
                            await response.Body.FlushAsync(cancellationToken);
                        }

                        if (!waitForEvents.IsCompleted)
                        {
                            continue;
                        }
                    }
                }

                if (!await waitForEvents)
                {
                    return; // closed: overflowed, CRD removed, or history expired after the ERROR event
                }

                while (watcher.Events.TryRead(out var e))
                {
                    await WriteEventAsync(response, type, e, table, cancellationToken);
                }

                await response.Body.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // timeoutSeconds elapsed or the client disconnected: a watch simply ends.
        }
    }

    private static async Task WriteEventAsync(HttpResponse response, ResourceType type, StoreEvent e, TableWatch? table, CancellationToken cancellationToken)
    {
        if (table is not null && e.Object is not null)
        {
            var name = e.Type switch { WatchEventType.Added => "ADDED", WatchEventType.Modified => "MODIFIED", _ => "DELETED" };
            await WriteAsync(response, new JsonObject { ["type"] = name, ["object"] = table.Row(type, e.Object) }, cancellationToken);
            return;
        }

        switch (e.Type)
        {
            case WatchEventType.Error:
                await WriteAsync(response, new JsonObject { ["type"] = "ERROR", ["object"] = e.Status!.DeepClone() }, cancellationToken);
                return;
            case WatchEventType.Bookmark:
                await WriteAsync(response, Bookmark(type, e.ResourceVersion, e.InitialEventsEnd), cancellationToken);
                return;
        }

        var prefix = e.Type switch
        {
            WatchEventType.Added => AddedPrefix,
            WatchEventType.Modified => ModifiedPrefix,
            _ => DeletedPrefix,
        };
        await response.Body.WriteAsync(prefix, cancellationToken);
        await response.Body.WriteAsync(ObjectService.Serialize(type, e.Object!), cancellationToken);
        await response.Body.WriteAsync(EventSuffix, cancellationToken);
    }

    /// <summary>Watch events as one-row Tables for <c>kubectl get -w</c>; column definitions ride on the first one only.</summary>
    private sealed class TableWatch(string includeObject, ApiServerServices services)
    {
        private bool _columnsSent;

        public JsonObject Row(ResourceType type, StoredObject obj)
        {
            var row = TableConverter.Table(
                type,
                [ObjectService.ToVersion(type, obj.ToJsonObject())],
                obj.ResourceVersion.ToString(CultureInfo.InvariantCulture),
                null,
                includeObject,
                services.Now,
                withColumns: !_columnsSent);
            _columnsSent = true;
            return row;
        }
    }

    private static JsonObject Bookmark(ResourceType type, long version, bool initialEventsEnd)
    {
        var metadata = new JsonObject { ["resourceVersion"] = version.ToString(CultureInfo.InvariantCulture) };
        if (initialEventsEnd)
        {
            metadata["annotations"] = new JsonObject { ["k8s.io/initial-events-end"] = "true" };
        }

        return new JsonObject
        {
            ["type"] = "BOOKMARK",
            ["object"] = new JsonObject { ["kind"] = type.Kind, ["apiVersion"] = type.ApiVersion, ["metadata"] = metadata },
        };
    }

    private static async Task WriteAsync(HttpResponse response, JsonObject e, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(e, JsonDefaults.Compact), cancellationToken);
        await response.Body.WriteAsync(Newline, cancellationToken);
    }
}
