using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Api;
using KubeBind.DevApiServer.Apply;
using KubeBind.DevApiServer.Resources;
using KubeBind.DevApiServer.Schema;
using KubeBind.DevApiServer.Storage;
using KubeBind.DevApiServer.Validation;

namespace KubeBind.DevApiServer.Registry;

/// <summary>
/// The generic registry every verb goes through, for HTTP requests and built-in controllers alike: type meta
/// checks, server-owned metadata, status separation, pruning and validation, generation, managed fields,
/// finalizers, namespace admission and optimistic concurrency with retries where the client set no precondition.
/// </summary>
internal sealed class ObjectService
{
    private const int MaxConflictRetries = 8;
    private const string GenerateNameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    private static readonly string[] ServerOwnedMetadata =
        ["uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "namespace", "name"];

    private readonly ApiServerServices _services;
    private readonly Lock _crdLock = new();
    private readonly Dictionary<string, long> _crdVersions = new(StringComparer.Ordinal);

    public ObjectService(ApiServerServices services) => _services = services;

    private ObjectStore Store => _services.Store;

    public JsonObject Get(ResourceType type, string? ns, string name)
    {
        var stored = Store.Get(type.GroupResource, ns, name) ?? throw ApiException.NotFound(type.GroupResource, name);
        return ToVersion(type, stored.ToJsonObject());
    }

    /// <summary>The object's JSON as served through <paramref name="type"/>'s version (stored bytes when they already match).</summary>
    public static byte[] Serialize(ResourceType type, StoredObject stored)
    {
        if (!type.IsCustom || stored.ApiVersion == type.ApiVersion)
        {
            return stored.Json;
        }

        return System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(ToVersion(type, stored.ToJsonObject()), JsonDefaults.Compact);
    }

    /// <summary>Conversion strategy None: only apiVersion changes between versions of a custom resource.</summary>
    public static JsonObject ToVersion(ResourceType type, JsonObject obj)
    {
        if (type.IsCustom)
        {
            obj["apiVersion"] = type.ApiVersion;
        }

        return obj;
    }

    public WriteResult Create(ResourceType type, string? ns, JsonObject obj, WriteOptions options, bool managedFieldsComputed = false)
    {
        CheckTypeMeta(type, obj);
        var metadata = obj.Metadata();
        if (type.Namespaced)
        {
            var bodyNamespace = metadata.GetString("namespace");
            if (!string.IsNullOrEmpty(bodyNamespace) && bodyNamespace != ns)
            {
                throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
            }

            metadata["namespace"] = ns;
        }
        else
        {
            metadata.Remove("namespace");
        }

        if (!string.IsNullOrEmpty(metadata.GetString("resourceVersion")))
        {
            throw ApiException.BadRequest("resourceVersion should not be set on objects to be created");
        }

        var generateName = metadata.GetString("generateName");
        var generated = string.IsNullOrEmpty(metadata.GetString("name")) && !string.IsNullOrEmpty(generateName);
        var now = _services.Now;
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = Meta.Timestamp(now);
        metadata.Remove("deletionTimestamp");
        metadata.Remove("deletionGracePeriodSeconds");
        metadata.Remove("selfLink");
        metadata.Remove("resourceVersion");
        if (type.TracksGeneration)
        {
            metadata["generation"] = 1;
        }
        else
        {
            metadata.Remove("generation");
        }

        if (type.HasStatus && type.IsCustom)
        {
            // A custom resource with a status subresource cannot set status on create.
            obj.Remove("status");
        }

        var warnings = new List<string>();
        var context = new WriteContext(options.User, now, options.DryRun, null, _services);
        var schemaCauses = PruneAndCheckSchema(type, obj, options, warnings);
        if (!managedFieldsComputed)
        {
            TrackManagedFields(type, null, obj, options.Manager, null, now);
        }

        type.Strategy.PrepareForCreate(obj, context);
        for (var attempt = 0; ; attempt++)
        {
            if (generated)
            {
                metadata["name"] = generateName + RandomSuffix();
            }

            var name = metadata.GetString("name") ?? string.Empty;
            ThrowIfInvalid(type, name, [.. schemaCauses, .. MetadataValidator.Validate(obj, type, null), .. type.Strategy.Validate(obj, null, context)]);
            AdmitCreate(type, ns);
            if (options.DryRun)
            {
                if (Store.Get(type.GroupResource, ns, name) is not null)
                {
                    throw ApiException.AlreadyExists(type.GroupResource, name);
                }

                return new WriteResult(ToVersion(type, obj), true, warnings);
            }

            try
            {
                var stored = Store.Create(type.GroupResource, ToStorage(type, obj));
                AfterCommit(type, stored, deleted: false);
                return new WriteResult(ToVersion(type, stored.ToJsonObject()), true, warnings);
            }
            catch (ApiException e) when (generated && e.Reason == "AlreadyExists" && attempt < MaxConflictRetries)
            {
                // generateName collided; kube-apiserver retries with another suffix too.
            }
        }
    }

    public WriteResult Update(ResourceType type, string? ns, string name, JsonObject obj, string? subresource, WriteOptions options)
    {
        CheckTypeMeta(type, obj);
        CheckIdentity(type, ns, name, obj);
        var precondition = obj.ResourceVersion();
        if (string.IsNullOrEmpty(precondition) && !type.AllowUnconditionalUpdate)
        {
            throw ApiException.Invalid(type.Group, type.Kind, name, [StatusCause.Invalid("metadata.resourceVersion", "0x0", "must be specified for an update")]);
        }

        for (var attempt = 0; ; attempt++)
        {
            var current = Store.Get(type.GroupResource, ns, name) ?? throw ApiException.NotFound(type.GroupResource, name);
            if (!string.IsNullOrEmpty(precondition) && precondition != current.ResourceVersion.ToString(CultureInfo.InvariantCulture))
            {
                throw ApiException.StaleResourceVersion(type.GroupResource, name);
            }

            try
            {
                return CommitUpdate(type, current, (JsonObject)obj.DeepClone(), subresource, options, managedFieldsComputed: false);
            }
            catch (ApiException e) when (e.Reason == "Conflict" && string.IsNullOrEmpty(precondition) && attempt < MaxConflictRetries)
            {
                // Unconditional update raced another writer: re-read and try again, like GuaranteedUpdate.
            }
        }
    }

    /// <summary>Patches an object; <paramref name="patch"/> produces the new object from the current one (in the request version).</summary>
    public WriteResult Patch(ResourceType type, string? ns, string name, string? subresource, WriteOptions options, Func<JsonObject, JsonObject> patch)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = Store.Get(type.GroupResource, ns, name) ?? throw ApiException.NotFound(type.GroupResource, name);
            var live = ToVersion(type, current.ToJsonObject());
            var patched = patch((JsonObject)live.DeepClone());
            CheckTypeMeta(type, patched);
            CheckIdentity(type, ns, name, patched);
            var precondition = patched.ResourceVersion();
            if (!string.IsNullOrEmpty(precondition) && precondition != current.ResourceVersion.ToString(CultureInfo.InvariantCulture))
            {
                throw ApiException.StaleResourceVersion(type.GroupResource, name);
            }

            try
            {
                return CommitUpdate(type, current, patched, subresource, options, managedFieldsComputed: false);
            }
            catch (ApiException e) when (e.Reason == "Conflict" && e.Details?.Causes.Count is null or 0 && attempt < MaxConflictRetries)
            {
                // The object changed between read and write: patches re-apply to the fresh object.
            }
        }
    }

    /// <summary>Server-side apply: create or merge <paramref name="config"/> under <paramref name="options"/>' field manager.</summary>
    public WriteResult Apply(ResourceType type, string? ns, string name, string? subresource, JsonObject config, WriteOptions options)
    {
        if (string.IsNullOrEmpty(options.FieldManager))
        {
            throw ApiException.BadRequest("PATCH requests with apply content type require the fieldManager query parameter");
        }

        CheckTypeMeta(type, config);
        if (config.Name() is { } configName && configName != name)
        {
            throw ApiException.BadRequest($"the name of the object ({configName}) does not match the name on the URL ({name})");
        }

        for (var attempt = 0; ; attempt++)
        {
            var current = Store.Get(type.GroupResource, ns, name);
            var now = _services.Now;
            try
            {
                if (current is null)
                {
                    if (subresource is not null)
                    {
                        throw ApiException.NotFound(type.GroupResource, name);
                    }

                    var created = FieldManager.Apply(null, (JsonObject)config.DeepClone(), options.Manager, options.Force, type.ApplySchema, ManagedContext(type, null, now, config, null));
                    created.Metadata()["name"] = name;
                    return Create(type, ns, created, options, managedFieldsComputed: true);
                }

                var live = ToVersion(type, current.ToJsonObject());
                var applied = FieldManager.Apply(live, (JsonObject)config.DeepClone(), options.Manager, options.Force, type.ApplySchema, ManagedContext(type, subresource, now, config, live));
                var precondition = config.ResourceVersion();
                if (!string.IsNullOrEmpty(precondition) && precondition != current.ResourceVersion.ToString(CultureInfo.InvariantCulture))
                {
                    throw ApiException.StaleResourceVersion(type.GroupResource, name);
                }

                return CommitUpdate(type, current, applied, subresource, options, managedFieldsComputed: true);
            }
            catch (ApiException e) when (e.Reason is "Conflict" or "AlreadyExists" && attempt < MaxConflictRetries && string.IsNullOrEmpty(config.ResourceVersion()))
            {
                // Lost a race with another writer; apply again on the fresh object.
            }
        }
    }

    public JsonObject Delete(ResourceType type, string? ns, string name, DeleteOptions options, WriteOptions write)
    {
        var policy = options.PropagationPolicy ?? DeleteOptions.Background;
        if (policy is not (DeleteOptions.Orphan or DeleteOptions.Background or DeleteOptions.Foreground))
        {
            throw ApiException.Invalid(string.Empty, "DeleteOptions", string.Empty, [StatusCause.NotSupported("propagationPolicy", policy, [DeleteOptions.Background, DeleteOptions.Foreground, DeleteOptions.Orphan])]);
        }

        for (var attempt = 0; ; attempt++)
        {
            var current = Store.Get(type.GroupResource, ns, name) ?? throw ApiException.NotFound(type.GroupResource, name);
            if (options.PreconditionUid is { Length: > 0 } uid && uid != current.Uid)
            {
                throw ApiException.Conflict(type.GroupResource, name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {current.Uid}");
            }

            if (options.PreconditionResourceVersion is { Length: > 0 } rv && rv != current.ResourceVersion.ToString(CultureInfo.InvariantCulture))
            {
                throw ApiException.Conflict(type.GroupResource, name, $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in meta: {current.ResourceVersion}");
            }

            var obj = current.ToJsonObject();
            var finalizers = obj.Finalizers().ToList();
            if (policy == DeleteOptions.Orphan && !finalizers.Contains(WellKnown.OrphanFinalizer))
            {
                finalizers.Add(WellKnown.OrphanFinalizer);
            }
            else if (policy == DeleteOptions.Foreground && !finalizers.Contains(WellKnown.ForegroundFinalizer))
            {
                finalizers.Add(WellKnown.ForegroundFinalizer);
            }

            var namespaceFinalizers = type.GroupResource == WellKnown.Namespaces
                ? Meta.StringList((obj["spec"] as JsonObject)?["finalizers"])
                : [];
            try
            {
                if (finalizers.Count == 0 && namespaceFinalizers.Count == 0)
                {
                    if (options.DryRun)
                    {
                        return ToVersion(type, obj);
                    }

                    var tombstone = Store.Delete(type.GroupResource, ns, name, current.ResourceVersion);
                    AfterCommit(type, tombstone, deleted: true);
                    return ToVersion(type, tombstone.ToJsonObject());
                }

                // Graceful: mark for deletion and let finalizers (and their controllers) finish the job.
                var alreadyDeleting = obj.IsBeingDeleted();
                if (alreadyDeleting && finalizers.SequenceEqual(obj.Finalizers()))
                {
                    return ToVersion(type, obj);
                }

                var updated = (JsonObject)obj.DeepClone();
                updated.SetFinalizers(finalizers);
                if (!alreadyDeleting)
                {
                    updated.Metadata()["deletionTimestamp"] = Meta.Timestamp(_services.Now);
                    updated.Metadata()["deletionGracePeriodSeconds"] = 0;
                    if (type.TracksGeneration && updated.Metadata()["generation"] is JsonValue g && g.TryGetValue<long>(out var generation))
                    {
                        // kube's markAsDeleting bumps generation so controllers watching generation notice the deletion.
                        updated.Metadata()["generation"] = generation + 1;
                    }
                }

                if (type.GroupResource == WellKnown.Namespaces)
                {
                    updated["status"] = new JsonObject { ["phase"] = "Terminating" };
                }

                if (type.GroupResource == WellKnown.CustomResourceDefinitions)
                {
                    type.Strategy.PrepareForUpdate(updated, obj, new WriteContext(write.User, _services.Now, options.DryRun, null, _services));
                }

                if (options.DryRun)
                {
                    return ToVersion(type, updated);
                }

                var stored = Store.Update(type.GroupResource, ToStorage(type, updated), current.ResourceVersion);
                AfterCommit(type, stored, deleted: false);
                return ToVersion(type, stored.ToJsonObject());
            }
            catch (ApiException e) when (e.Reason == "Conflict" && string.IsNullOrEmpty(options.PreconditionResourceVersion) && attempt < MaxConflictRetries)
            {
                // Raced a writer; decide again on the fresh object.
            }
        }
    }

    private WriteResult CommitUpdate(ResourceType type, StoredObject current, JsonObject updated, string? subresource, WriteOptions options, bool managedFieldsComputed)
    {
        var now = _services.Now;
        var old = ToVersion(type, current.ToJsonObject());
        var oldMetadata = old.Metadata();
        var metadata = updated.Metadata();
        foreach (var field in ServerOwnedMetadata)
        {
            if (oldMetadata[field] is { } value)
            {
                metadata[field] = value.DeepClone();
            }
            else
            {
                metadata.Remove(field);
            }
        }

        metadata["resourceVersion"] = oldMetadata["resourceVersion"]?.DeepClone();
        metadata.Remove("selfLink");
        if (type.HasStatus)
        {
            if (subresource == "status")
            {
                var status = updated["status"]?.DeepClone();
                var managed = metadata["managedFields"]?.DeepClone();
                updated = (JsonObject)old.DeepClone();
                SetOrRemove(updated, "status", status);
                SetOrRemove(updated.Metadata(), "managedFields", managed);
            }
            else if (subresource is null)
            {
                SetOrRemove(updated, "status", old["status"]?.DeepClone());
            }
        }

        var warnings = new List<string>();
        var context = new WriteContext(options.User, now, options.DryRun, subresource, _services);
        var schemaCauses = PruneAndCheckSchema(type, updated, options, warnings);
        if (!managedFieldsComputed)
        {
            TrackManagedFields(type, old, updated, options.Manager, subresource, now);
        }

        type.Strategy.PrepareForUpdate(updated, old, context);
        var name = current.Name;
        ThrowIfInvalid(type, name, [.. schemaCauses, .. MetadataValidator.Validate(updated, type, old), .. type.Strategy.Validate(updated, old, context)]);
        if (type.TracksGeneration)
        {
            var generation = oldMetadata["generation"] is JsonValue g && g.TryGetValue<long>(out var value) ? value : 1;
            updated.Metadata()["generation"] = SpecChanged(type, old, updated) ? generation + 1 : generation;
        }

        if (IsNoOp(old, updated))
        {
            return new WriteResult(old, false, warnings);
        }

        if (old.IsBeingDeleted() && updated.Finalizers().Count == 0 && !HasNamespaceFinalizers(type, updated))
        {
            if (options.DryRun)
            {
                return new WriteResult(updated, false, warnings);
            }

            var tombstone = Store.Delete(type.GroupResource, current.Namespace, name, current.ResourceVersion, ToStorage(type, updated));
            AfterCommit(type, tombstone, deleted: true);
            return new WriteResult(ToVersion(type, tombstone.ToJsonObject()), false, warnings);
        }

        if (options.DryRun)
        {
            return new WriteResult(updated, false, warnings);
        }

        var stored = Store.Update(type.GroupResource, ToStorage(type, updated), current.ResourceVersion);
        AfterCommit(type, stored, deleted: false);
        return new WriteResult(ToVersion(type, stored.ToJsonObject()), false, warnings);
    }

    private static bool HasNamespaceFinalizers(ResourceType type, JsonObject obj) =>
        type.GroupResource == WellKnown.Namespaces && Meta.StringList((obj["spec"] as JsonObject)?["finalizers"]).Count > 0;

    /// <summary>Removes unknown fields (reporting them per fieldValidation) and returns schema validation causes.</summary>
    private static List<StatusCause> PruneAndCheckSchema(ResourceType type, JsonObject obj, WriteOptions options, List<string> warnings)
    {
        var unknown = new List<string>();
        if (obj["metadata"] is JsonObject metadata)
        {
            foreach (var key in metadata.Select(p => p.Key).Where(k => !MetadataValidator.KnownFields.Contains(k)).ToList())
            {
                unknown.Add($"metadata.{key}");
                metadata.Remove(key);
            }
        }

        var causes = new List<StatusCause>();
        if (type.Schema is not null)
        {
            var result = SchemaProcessor.Process(obj, type.Schema);
            unknown.AddRange(result.UnknownFields);
            causes.AddRange(result.Errors.Select(e => new StatusCause(e.Reason, e.Message, e.Field)));
        }
        else if (type.Strategy.KnownFields is { } known)
        {
            foreach (var key in obj.Select(p => p.Key).Where(k => !known.Contains(k)).ToList())
            {
                unknown.Add(key);
                obj.Remove(key);
            }
        }

        if (unknown.Count > 0)
        {
            var messages = unknown.Select(u => $"unknown field \"{u}\"").ToList();
            switch (options.FieldValidation)
            {
                case FieldValidationMode.Strict:
                    throw ApiException.BadRequest($"{type.Kind} in version \"{type.Version}\" cannot be handled as a {type.Kind}: strict decoding error: {string.Join(", ", messages)}");
                case FieldValidationMode.Warn:
                    warnings.AddRange(messages);
                    break;
            }
        }

        return causes;
    }

    private static void ThrowIfInvalid(ResourceType type, string name, List<StatusCause> causes)
    {
        if (causes.Count > 0)
        {
            throw ApiException.Invalid(type.Group, type.Kind, name, causes);
        }
    }

    private void AdmitCreate(ResourceType type, string? ns)
    {
        if (type.IsCustom)
        {
            var crd = Store.Get(WellKnown.CustomResourceDefinitions, null, $"{type.Resource}.{type.Group}");
            if (crd is null || crd.Deleting)
            {
                throw new ApiException(System.Net.HttpStatusCode.MethodNotAllowed, "MethodNotAllowed", "create not allowed while custom resource definition is terminating");
            }
        }

        if (!type.Namespaced || ns is null)
        {
            return;
        }

        var namespaceObject = Store.Get(WellKnown.Namespaces, null, ns) ?? throw ApiException.NotFound(WellKnown.Namespaces, ns);
        if (namespaceObject.Deleting)
        {
            throw new ApiException(
                System.Net.HttpStatusCode.Forbidden,
                "Forbidden",
                $"{type.GroupResource} is forbidden: unable to create new content in namespace {ns} because it is being terminated",
                StatusDetails.ForResource(type.GroupResource, null));
        }
    }

    private void AfterCommit(ResourceType type, StoredObject stored, bool deleted)
    {
        if (type.GroupResource != WellKnown.CustomResourceDefinitions)
        {
            return;
        }

        // Concurrent CRD writes may finish out of order; only the newest version of each CRD may change what is served.
        lock (_crdLock)
        {
            if (_crdVersions.TryGetValue(stored.Name, out var applied) && applied >= stored.ResourceVersion)
            {
                return;
            }

            _crdVersions[stored.Name] = stored.ResourceVersion;
            ApplyCrd(stored, deleted);
        }
    }

    private void ApplyCrd(StoredObject stored, bool deleted)
    {
        var crd = stored.ToJsonObject();
        if (deleted)
        {
            var spec = crd["spec"] as JsonObject;
            _services.Registry.RemoveCustom(stored.Name);
            var plural = ((spec?["names"] as JsonObject)?.GetString("plural")) ?? string.Empty;
            Store.CloseWatchers(new GroupResource(spec?.GetString("group") ?? string.Empty, plural));
            return;
        }

        _services.Registry.SetCustom(stored.Name, CustomResourceTypes.FromCrd(crd));
    }

    private static void CheckTypeMeta(ResourceType type, JsonObject obj)
    {
        MetadataTypes.Check(obj, type.Kind, type.Version);
        var kind = obj.GetString("kind");
        var apiVersion = obj.GetString("apiVersion");
        if (string.IsNullOrEmpty(kind))
        {
            throw ApiException.BadRequest($"Object 'Kind' is missing in '{Truncate(obj.ToJsonString())}'");
        }

        if (string.IsNullOrEmpty(apiVersion))
        {
            throw ApiException.BadRequest($"Object 'apiVersion' is missing in '{Truncate(obj.ToJsonString())}'");
        }

        if (apiVersion != type.ApiVersion)
        {
            throw ApiException.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({type.ApiVersion})");
        }

        if (kind != type.Kind)
        {
            throw ApiException.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({type.Kind})");
        }
    }

    private static void CheckIdentity(ResourceType type, string? ns, string name, JsonObject obj)
    {
        var bodyName = obj.Name();
        if (!string.IsNullOrEmpty(bodyName) && bodyName != name)
        {
            throw ApiException.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
        }

        if (type.Namespaced && obj.Namespace() is { Length: > 0 } bodyNamespace && bodyNamespace != ns)
        {
            throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
    }

    private static string Truncate(string s) => s.Length > 200 ? s[..200] + "..." : s;

    private static JsonObject ToStorage(ResourceType type, JsonObject obj)
    {
        if (type.IsCustom && type.Version != type.StorageVersion)
        {
            obj["apiVersion"] = $"{type.Group}/{type.StorageVersion}";
        }

        return obj;
    }

    /// <summary>Generation moves when anything outside metadata (and status, when it is a subresource) changed.</summary>
    private static bool SpecChanged(ResourceType type, JsonObject old, JsonObject updated)
    {
        static JsonObject Strip(JsonObject obj, bool status)
        {
            var copy = (JsonObject)obj.DeepClone();
            copy.Remove("metadata");
            if (status)
            {
                copy.Remove("status");
            }

            return copy;
        }

        return !Meta.DeepEquals(Strip(old, type.HasStatus), Strip(updated, type.HasStatus));
    }

    /// <summary>A write that changes nothing but managed-field timestamps is skipped, like kube-apiserver does.</summary>
    private static bool IsNoOp(JsonObject old, JsonObject updated)
    {
        static JsonObject Normalize(JsonObject obj)
        {
            var copy = (JsonObject)obj.DeepClone();
            var metadata = copy.Metadata();
            metadata.Remove("resourceVersion");
            if (metadata["managedFields"] is JsonArray managed)
            {
                foreach (var entry in managed.OfType<JsonObject>())
                {
                    entry.Remove("time");
                }
            }

            return copy;
        }

        return Meta.DeepEquals(Normalize(old), Normalize(updated));
    }

    /// <summary>
    /// Records who changed what in metadata.managedFields. Like kube-apiserver this runs on the request's object,
    /// before the strategy fills server-owned fields, and only managedFields is taken from the field manager.
    /// </summary>
    private static void TrackManagedFields(ResourceType type, JsonObject? live, JsonObject obj, string manager, string? subresource, DateTimeOffset now)
    {
        var tracked = FieldManager.Update(live, obj, manager, type.ApplySchema, ManagedContext(type, subresource, now, obj, live));
        SetOrRemove(obj.Metadata(), "managedFields", tracked.Metadata()["managedFields"]?.DeepClone());
    }

    private static ManagedFieldsContext ManagedContext(ResourceType type, string? subresource, DateTimeOffset now, JsonObject obj, JsonObject? live)
    {
        // /status owns only status; the main resource of a type with a status subresource never owns status.
        IReadOnlyList<string> reset = subresource == "status"
            ? [.. obj.Select(p => p.Key).Concat(live?.Select(p => p.Key) ?? []).Where(k => k is not ("status" or "apiVersion" or "kind")).Distinct()]
            : type.HasStatus ? ["status"] : [];
        return new ManagedFieldsContext(type.ApiVersion, now, subresource, reset);
    }

    private static void SetOrRemove(JsonObject obj, string key, JsonNode? value)
    {
        if (value is null)
        {
            obj.Remove(key);
        }
        else
        {
            obj[key] = value;
        }
    }

    private static string RandomSuffix()
    {
        Span<char> chars = stackalloc char[5];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = GenerateNameAlphabet[RandomNumberGenerator.GetInt32(GenerateNameAlphabet.Length)];
        }

        return new string(chars);
    }
}
