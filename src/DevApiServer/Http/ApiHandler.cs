using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Api;
using KubeBind.DevApiServer.Apply;
using KubeBind.DevApiServer.Auth;
using KubeBind.DevApiServer.Discovery;
using KubeBind.DevApiServer.Patching;
using KubeBind.DevApiServer.Registry;
using KubeBind.DevApiServer.Resources;
using KubeBind.DevApiServer.Schema;
using KubeBind.DevApiServer.Selection;
using KubeBind.DevApiServer.Storage;

namespace KubeBind.DevApiServer.Http;

/// <summary>
/// Every request: authentication, impersonation, routing, RBAC, then the verb. Failures of any kind become a
/// Kubernetes Status with the right reason and code; nothing a client sends can take the server down.
/// </summary>
internal sealed partial class ApiHandler
{
    private static readonly string[] PatchMediaTypes =
        ["application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json", "application/apply-patch+yaml"];

    private static readonly string[] BodyMediaTypes = ["application/json", "application/yaml", "application/vnd.kubernetes.protobuf"];

    private readonly ApiServerServices _services;
    private readonly ObjectService _objects;
    private readonly Authenticator _authenticator;
    private readonly RbacAuthorizer _authorizer;
    private readonly Reviews _reviews;
    private readonly WatchStreamer _watches;
    private readonly ILogger<ApiHandler> _logger;

    public ApiHandler(ApiServerServices services, ObjectService objects, Authenticator authenticator, RbacAuthorizer authorizer, IHostApplicationLifetime lifetime, ILogger<ApiHandler> logger)
    {
        _services = services;
        _objects = objects;
        _authenticator = authenticator;
        _authorizer = authorizer;
        _reviews = new Reviews(services, authenticator, authorizer);
        _watches = new WatchStreamer(services, lifetime.ApplicationStopping);
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await DispatchAsync(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception e)
        {
            var error = Translate(e);
            if (error.Code == HttpStatusCode.InternalServerError)
            {
                LogInternalError(_logger, context.Request.Method, context.Request.Path, e);
            }

            if (!context.Response.HasStarted)
            {
                await WriteErrorAsync(context, error);
            }
        }
    }

    private static ApiException Translate(Exception e) => e switch
    {
        ApiException api => api,
        ApplyConflictException conflict => new ApiException(HttpStatusCode.Conflict, "Conflict", conflict.Message, new StatusDetails
        {
            Causes = [.. conflict.Conflicts.Select(c => new StatusCause("FieldManagerConflict", $"conflict with {c.ManagerDescription}", c.Path))],
        }),
        ApplyRequestException bad => ApiException.BadRequest(bad.Message),
        MalformedPatchException bad => ApiException.BadRequest(bad.Message),
        PatchApplicationException invalid => new ApiException((HttpStatusCode)422, "Invalid", invalid.Message),
        JsonException json => ApiException.BadRequest(json.Message),
        BadHttpRequestException { StatusCode: 413 } => ApiException.TooLarge(),
        BadHttpRequestException bad => ApiException.BadRequest(bad.Message),
        _ => ApiException.Internal(e.Message),
    };

    private async Task DispatchAsync(HttpContext context)
    {
        var request = context.Request;
        var user = _authenticator.Authenticate(request.Headers.Authorization.ToString()) ?? throw ApiException.Unauthorized();
        user = Impersonate(request, user);
        var info = RequestInfo.Parse(request.Method, request.Path.Value ?? "/", IsTrue(request.Query["watch"]));
        if (!info.IsResourceRequest)
        {
            await NonResourceAsync(context, user, info);
            return;
        }

        // Like kube-apiserver, authorize before routing: a caller without permission learns nothing about what exists.
        Authorize(user, info, request.Query["fieldSelector"].ToString());
        var snapshot = _services.Registry.Current;
        var type = snapshot.Find(info.Group, info.Version, info.Resource);
        if (type is null || info.TooManyParts)
        {
            throw ApiException.RouteNotFound();
        }

        if (info.Subresource.Length > 0)
        {
            var subresource = type.Subresources.FirstOrDefault(s => s.Name == info.Subresource) ?? throw ApiException.RouteNotFound();
            if (!subresource.Verbs.Contains(info.Verb))
            {
                throw ApiException.MethodNotAllowed();
            }
        }

        var isNamespaceObject = type.GroupResource == WellKnown.Namespaces;
        if (!type.Namespaced && info.Namespace.Length > 0 && !isNamespaceObject)
        {
            throw ApiException.RouteNotFound();
        }

        var ns = type.Namespaced ? NullIfEmpty(info.Namespace) : null;
        if (type.Namespaced && ns is null && info.Verb is not ("list" or "watch"))
        {
            throw ApiException.RouteNotFound();
        }

        var write = WriteOptionsFor(request, user);
        switch (info.Verb)
        {
            case "get" when !type.CreateOnly:
                await GetAsync(context, type, ns, info);
                break;
            case "list" when !type.CreateOnly:
                await ListAsync(context, type, ns);
                break;
            case "watch" when !type.CreateOnly:
                await _watches.StreamAsync(context, type, ns, info.Name);
                break;
            case "create" when info.Name.Length == 0:
                var body = BodyReader.DecodeObject(await ReadBodyAsync(context, BodyMediaTypes), request.ContentType);
                if (type.CreateOnly)
                {
                    await WriteJsonAsync(context, HttpStatusCode.Created, _reviews.Create(type, ns, body, user), []);
                    break;
                }

                var created = _objects.Create(type, ns, body, write);
                await WriteJsonAsync(context, HttpStatusCode.Created, created.Object, created.Warnings);
                break;
            case "create" when info.Subresource == "token":
                var tokenRequest = BodyReader.DecodeObject(await ReadBodyAsync(context, BodyMediaTypes), request.ContentType);
                await WriteJsonAsync(context, HttpStatusCode.Created, _reviews.TokenRequest(ns!, info.Name, tokenRequest), []);
                break;
            case "update" when info.Name.Length > 0 && !type.CreateOnly:
                var replacement = BodyReader.DecodeObject(await ReadBodyAsync(context, BodyMediaTypes), request.ContentType);
                var updated = _objects.Update(type, isNamespaceObject ? null : ns, info.Name, replacement, NullIfEmpty(info.Subresource), write);
                await WriteJsonAsync(context, HttpStatusCode.OK, updated.Object, updated.Warnings);
                break;
            case "patch" when info.Name.Length > 0 && !type.CreateOnly && info.Subresource != "finalize":
                var patched = await PatchAsync(context, type, ns, info, write);
                await WriteJsonAsync(context, patched.Created ? HttpStatusCode.Created : HttpStatusCode.OK, patched.Object, patched.Warnings);
                break;
            case "delete" when info.Name.Length > 0 && info.Subresource.Length == 0 && !type.CreateOnly:
                var deleted = _objects.Delete(type, ns, info.Name, await DeleteOptionsForAsync(context), write);
                await WriteJsonAsync(context, HttpStatusCode.OK, deleted, []);
                break;
            case "deletecollection" when type.Supports("deletecollection"):
                await DeleteCollectionAsync(context, type, ns, write);
                break;
            default:
                throw ApiException.MethodNotAllowed();
        }
    }

    private async Task GetAsync(HttpContext context, ResourceType type, string? ns, RequestInfo info)
    {
        var stored = _services.Store.Get(type.GroupResource, ns, info.Name) ?? throw ApiException.NotFound(type.GroupResource, info.Name);
        var accept = context.Request.Headers.Accept.ToString();
        if (TableConverter.Wants(accept))
        {
            var obj = ObjectService.ToVersion(type, stored.ToJsonObject());
            var table = TableConverter.Table(type, [obj], stored.ResourceVersion.ToString(CultureInfo.InvariantCulture), null, context.Request.Query["includeObject"].ToString(), _services.Now);
            await WriteJsonAsync(context, HttpStatusCode.OK, table, []);
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(ObjectService.Serialize(type, stored), context.RequestAborted);
    }

    private async Task ListAsync(HttpContext context, ResourceType type, string? ns)
    {
        var query = context.Request.Query;
        var labels = LabelSelector.Parse(query["labelSelector"]);
        var fields = FieldSelector.Parse(query["fieldSelector"], type);
        var limit = ParseLong(query["limit"], "limit") ?? 0;
        var token = ContinueToken.Parse(query["continue"]);
        var (items, resourceVersion) = token is null
            ? _services.Store.List(type.GroupResource, ns)
            : (_services.Store.ListAt(type.GroupResource, ns, token.StartAfter, token.ResourceVersion)
                ?? throw ApiException.Expired("The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter."),
               token.ResourceVersion);
        var page = new List<StoredObject>();
        string? next = null;
        long remaining = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (!labels.Matches(item.Labels) || !fields.Matches(item))
            {
                continue;
            }

            if (limit > 0 && page.Count == limit)
            {
                var last = page[^1];
                next = new ContinueToken(resourceVersion, ResourceTable.KeyOf(last.Namespace, last.Name)).Encode();
                remaining = labels.IsEmpty && fields.IsEmpty ? items.Count - i : 0;
                break;
            }

            page.Add(item);
        }

        var listVersion = resourceVersion.ToString(CultureInfo.InvariantCulture);
        if (TableConverter.Wants(context.Request.Headers.Accept.ToString()))
        {
            var table = TableConverter.Table(type, page.Select(p => ObjectService.ToVersion(type, p.ToJsonObject())), listVersion, next, query["includeObject"].ToString(), _services.Now);
            await WriteJsonAsync(context, HttpStatusCode.OK, table, []);
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("kind", type.ListKind);
        writer.WriteString("apiVersion", type.ApiVersion);
        writer.WriteStartObject("metadata");
        writer.WriteString("resourceVersion", listVersion);
        if (next is not null)
        {
            writer.WriteString("continue", next);
            if (remaining > 0)
            {
                writer.WriteNumber("remainingItemCount", remaining);
            }
        }

        writer.WriteEndObject();
        writer.WriteStartArray("items");
        foreach (var item in page)
        {
            writer.WriteRawValue(ObjectService.Serialize(type, item), skipInputValidation: true);
            if (writer.BytesPending > 64 * 1024)
            {
                await writer.FlushAsync(context.RequestAborted);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }

    private async Task<WriteResult> PatchAsync(HttpContext context, ResourceType type, string? ns, RequestInfo info, WriteOptions write)
    {
        var mediaType = (context.Request.ContentType ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();
        if (!PatchMediaTypes.Contains(mediaType) || (mediaType == "application/strategic-merge-patch+json" && type.PatchSchema is null))
        {
            throw ApiException.UnsupportedMediaType(mediaType, type.PatchSchema is null ? PatchMediaTypes.Where(m => !m.Contains("strategic", StringComparison.Ordinal)) : PatchMediaTypes);
        }

        var body = await BodyReader.ReadAsync(context.Request, _services.Options.MaxRequestBodyBytes, context.RequestAborted);
        var target = type.GroupResource == WellKnown.Namespaces ? null : ns;
        var subresource = NullIfEmpty(info.Subresource);
        if (mediaType == "application/apply-patch+yaml")
        {
            if (subresource is null && _services.Store.Get(type.GroupResource, target, info.Name) is null)
            {
                // An apply that creates the object needs create permission too, as in kube-apiserver's patch handler.
                Authorize(write.User, info with { Verb = "create" }, string.Empty);
            }

            var config = BodyReader.DecodeObject(body, "application/yaml");
            return _objects.Apply(type, target, info.Name, subresource, config, write with { Force = IsTrue(context.Request.Query["force"]) });
        }

        if (IsTrue(context.Request.Query["force"]))
        {
            throw ApiException.BadRequest("force is not allowed for non-apply patch requests");
        }

        var patch = BodyReader.Decode(body, "application/json");
        Func<JsonObject, JsonObject> apply = mediaType switch
        {
            "application/json-patch+json" => live => JsonPatch.Apply(live, patch!) as JsonObject ?? throw new PatchApplicationException("the patch result is not an object"),
            "application/merge-patch+json" => live => JsonMergePatch.Apply(live, patch) as JsonObject ?? throw new PatchApplicationException("the patch result is not an object"),
            _ => live => StrategicMergePatch.Apply(live, patch as JsonObject ?? throw new MalformedPatchException("a strategic merge patch must be a JSON object"), type.PatchSchema!),
        };
        return _objects.Patch(type, target, info.Name, subresource, write, apply);
    }

    private async Task DeleteCollectionAsync(HttpContext context, ResourceType type, string? ns, WriteOptions write)
    {
        var query = context.Request.Query;
        var labels = LabelSelector.Parse(query["labelSelector"]);
        var fields = FieldSelector.Parse(query["fieldSelector"], type);
        var options = await DeleteOptionsForAsync(context);
        var (items, resourceVersion) = _services.Store.List(type.GroupResource, ns);
        var deleted = new JsonArray();
        foreach (var item in items.Where(i => labels.Matches(i.Labels) && fields.Matches(i)))
        {
            try
            {
                deleted.Add(_objects.Delete(type, NullIfEmpty(item.Namespace), item.Name, options, write));
            }
            catch (ApiException e) when (e.Code == HttpStatusCode.NotFound)
            {
                // Deleted concurrently: the goal is reached.
            }
        }

        var list = new JsonObject
        {
            ["kind"] = type.ListKind,
            ["apiVersion"] = type.ApiVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture) },
            ["items"] = deleted,
        };
        await WriteJsonAsync(context, HttpStatusCode.OK, list, []);
    }

    private async Task NonResourceAsync(HttpContext context, UserInfo user, RequestInfo info)
    {
        var path = info.Path.TrimEnd('/');
        if (path.Length == 0)
        {
            path = "/";
        }

        var attributes = new RequestAttributes { Verb = info.Verb, Path = path };
        if (!_authorizer.Authorize(user, attributes))
        {
            throw new ApiException(HttpStatusCode.Forbidden, "Forbidden", $"forbidden: {RbacAuthorizer.DenialReason(user, attributes)}");
        }

        var snapshot = _services.Registry.Current;
        JsonNode? document = path switch
        {
            "/version" => DiscoveryDocuments.Version(),
            "/api" => DiscoveryDocuments.CoreVersions($"127.0.0.1:{context.Connection.LocalPort}"),
            "/apis" => DiscoveryDocuments.GroupList(snapshot),
            "/openapi/v3" => OpenApiDocuments.Index(snapshot),
            _ when path.StartsWith("/openapi/v3/", StringComparison.Ordinal) => OpenApiDocuments.Document(snapshot, path["/openapi/v3/".Length..]),
            _ => null,
        };
        if (document is null)
        {
            var parts = path.Trim('/').Split('/');
            document = parts switch
            {
                ["api", var version] when snapshot.InGroupVersion(string.Empty, version).Count > 0 =>
                    DiscoveryDocuments.ResourceList(string.Empty, version, snapshot.InGroupVersion(string.Empty, version)),
                ["apis", var group] when snapshot.Groups.FirstOrDefault(g => g.Name == group) is { } apiGroup =>
                    DiscoveryDocuments.Group(apiGroup),
                ["apis", var group, var version] when snapshot.InGroupVersion(group, version).Count > 0 =>
                    DiscoveryDocuments.ResourceList(group, version, snapshot.InGroupVersion(group, version)),
                _ => null,
            };
        }

        if (document is not null)
        {
            await WriteJsonAsync(context, HttpStatusCode.OK, document, []);
            return;
        }

        if (path is "/healthz" or "/livez" or "/readyz")
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("ok", context.RequestAborted);
            return;
        }

        throw ApiException.RouteNotFound();
    }

    private void Authorize(UserInfo user, RequestInfo info, string fieldSelector)
    {
        var isNamespace = info.Group.Length == 0 && info.Resource == "namespaces";
        var attributes = new RequestAttributes
        {
            Verb = info.Verb,
            IsResourceRequest = true,
            ApiGroup = info.Group,
            ApiVersion = info.Version,
            Resource = info.Resource,
            Subresource = info.Subresource,
            Namespace = isNamespace ? info.Name : info.Namespace,
            // A list or watch pinned to one name by its field selector is authorized for that name (resourceNames rules).
            Name = info.Name.Length == 0 && info.Verb is "list" or "watch" ? PinnedName(fieldSelector) : info.Name,
            Path = info.Path,
        };
        if (!_authorizer.Authorize(user, attributes))
        {
            var resource = info.Subresource.Length == 0 ? new GroupResource(info.Group, info.Resource) : new GroupResource(info.Group, $"{info.Resource}/{info.Subresource}");
            throw ApiException.Forbidden(resource, info.Name, RbacAuthorizer.DenialReason(user, attributes));
        }
    }

    private static string PinnedName(string fieldSelector)
    {
        foreach (var term in fieldSelector.Split(','))
        {
            // "metadata.name=x" or "metadata.name==x"; "metadata.name!=x" splits into "metadata.name!" and is skipped.
            var parts = term.Trim().Split('=', 2);
            if (parts.Length == 2 && parts[0].Trim() == "metadata.name")
            {
                return parts[1].TrimStart('=').Trim();
            }
        }

        return string.Empty;
    }

    /// <summary>Impersonate-User/-Group/-Uid headers, each authorized with the <c>impersonate</c> verb like kube-apiserver does.</summary>
    private UserInfo Impersonate(HttpRequest request, UserInfo user)
    {
        var impersonatedUser = request.Headers["Impersonate-User"].ToString();
        var groups = request.Headers["Impersonate-Group"].Where(g => !string.IsNullOrEmpty(g)).Select(g => g!).ToList();
        if (impersonatedUser.Length == 0)
        {
            if (groups.Count > 0)
            {
                throw ApiException.BadRequest("requested [Impersonate-Group] without impersonating a user");
            }

            return user;
        }

        var saMatch = ServiceAccountUser().Match(impersonatedUser);
        var userAttributes = saMatch.Success
            ? new RequestAttributes { Verb = "impersonate", IsResourceRequest = true, Resource = "serviceaccounts", Namespace = saMatch.Groups[1].Value, Name = saMatch.Groups[2].Value }
            : new RequestAttributes { Verb = "impersonate", IsResourceRequest = true, Resource = "users", Name = impersonatedUser };
        CheckImpersonation(user, userAttributes);
        foreach (var group in groups)
        {
            CheckImpersonation(user, new RequestAttributes { Verb = "impersonate", IsResourceRequest = true, Resource = "groups", Name = group });
        }

        var uid = request.Headers["Impersonate-Uid"].ToString();
        if (uid.Length > 0)
        {
            CheckImpersonation(user, new RequestAttributes { Verb = "impersonate", IsResourceRequest = true, ApiGroup = "authentication.k8s.io", Resource = "uids", Name = uid });
        }

        if (saMatch.Success && groups.Count == 0)
        {
            groups.AddRange(["system:serviceaccounts", $"system:serviceaccounts:{saMatch.Groups[1].Value}"]);
        }

        if (!groups.Contains(UserInfo.AuthenticatedGroup) && impersonatedUser != UserInfo.Anonymous.Name)
        {
            groups.Add(UserInfo.AuthenticatedGroup);
        }

        return new UserInfo(impersonatedUser, groups, uid);
    }

    private void CheckImpersonation(UserInfo user, RequestAttributes attributes)
    {
        if (!_authorizer.Authorize(user, attributes))
        {
            throw ApiException.Forbidden(new GroupResource(attributes.ApiGroup, attributes.Resource), attributes.Name, RbacAuthorizer.DenialReason(user, attributes));
        }
    }

    private static WriteOptions WriteOptionsFor(HttpRequest request, UserInfo user)
    {
        var query = request.Query;
        var dryRun = query["dryRun"].ToString();
        if (dryRun.Length > 0 && dryRun != "All")
        {
            throw ApiException.BadRequest($"Invalid dry run value: {dryRun}; must be \"All\"");
        }

        var fieldValidation = query["fieldValidation"].ToString() switch
        {
            "" or "Warn" => FieldValidationMode.Warn,
            "Strict" => FieldValidationMode.Strict,
            "Ignore" => FieldValidationMode.Ignore,
            var other => throw ApiException.BadRequest($"fieldValidation: invalid value \"{other}\": must be one of \"Ignore\", \"Warn\", \"Strict\""),
        };
        var fieldManager = query["fieldManager"].ToString();
        if (fieldManager.Length > 128)
        {
            throw ApiException.BadRequest("fieldManager: Too long: must have at most 128 bytes");
        }

        return new WriteOptions(user)
        {
            DryRun = dryRun == "All",
            FieldManager = NullIfEmpty(fieldManager),
            UserAgent = request.Headers.UserAgent.ToString(),
            FieldValidation = fieldValidation,
        };
    }

    private async Task<DeleteOptions> DeleteOptionsForAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var options = new DeleteOptions
        {
            PropagationPolicy = NullIfEmpty(query["propagationPolicy"].ToString()) ?? (IsTrue(query["orphanDependents"]) ? DeleteOptions.Orphan : null),
            DryRun = query["dryRun"].ToString() == "All",
        };
        var body = await BodyReader.ReadAsync(context.Request, _services.Options.MaxRequestBodyBytes, context.RequestAborted);
        if (body.Length == 0 || body.All(b => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
        {
            return options;
        }

        var json = BodyReader.DecodeObject(body, context.Request.ContentType);
        var preconditions = json["preconditions"] as JsonObject;
        return options with
        {
            PropagationPolicy = json.GetString("propagationPolicy") ?? (json["orphanDependents"]?.GetValueKind() == JsonValueKind.True ? DeleteOptions.Orphan : options.PropagationPolicy),
            PreconditionUid = preconditions?.GetString("uid"),
            PreconditionResourceVersion = preconditions?.GetString("resourceVersion"),
            DryRun = options.DryRun || Meta.StringList(json["dryRun"]).Contains("All"),
        };
    }

    private async Task<byte[]> ReadBodyAsync(HttpContext context, string[] accepted)
    {
        var mediaType = (context.Request.ContentType ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType.Length > 0 && !mediaType.Contains("json", StringComparison.Ordinal) && !mediaType.Contains("yaml", StringComparison.Ordinal)
            && mediaType != Protobuf.KubernetesProtobuf.MediaType)
        {
            throw ApiException.UnsupportedMediaType(mediaType, accepted);
        }

        return await BodyReader.ReadAsync(context.Request, _services.Options.MaxRequestBodyBytes, context.RequestAborted);
    }

    public static async Task WriteJsonAsync(HttpContext context, HttpStatusCode code, JsonNode node, IReadOnlyList<string> warnings)
    {
        var response = context.Response;
        response.StatusCode = (int)code;
        response.ContentType = "application/json";
        foreach (var warning in warnings)
        {
            response.Headers.Append("Warning", $"299 - \"{warning.Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
        }

        var options = context.Request.Query["pretty"] == "true" ? JsonDefaults.Indented : JsonDefaults.Compact;
        await response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(node, options), context.RequestAborted);
    }

    private static Task WriteErrorAsync(HttpContext context, ApiException error)
    {
        foreach (var (name, value) in error.Headers)
        {
            context.Response.Headers[name] = value;
        }

        return WriteJsonAsync(context, error.Code, error.ToStatus(), []);
    }

    private static bool IsTrue(Microsoft.Extensions.Primitives.StringValues value) => value.ToString() is "true" or "1" or "True";

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static long? ParseLong(Microsoft.Extensions.Primitives.StringValues value, string name)
    {
        if (value.Count == 0 || string.IsNullOrEmpty(value.ToString()))
        {
            return null;
        }

        return long.TryParse(value.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed >= 0
            ? parsed
            : throw ApiException.BadRequest($"{name}: invalid value \"{value}\": must be a non-negative integer");
    }

    [System.Text.RegularExpressions.GeneratedRegex("^system:serviceaccount:([^:]+):([^:]+)$")]
    private static partial System.Text.RegularExpressions.Regex ServiceAccountUser();

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Internal error serving {Method} {Path}")]
    private static partial void LogInternalError(ILogger logger, string method, string path, Exception exception);
}
