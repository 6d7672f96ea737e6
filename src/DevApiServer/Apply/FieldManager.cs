using System.Text.Json;
using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Json;

namespace KubeBind.DevApiServer.Apply;

/// <summary>Server-side apply and managed-fields tracking, as structured-merge-diff does it inside kube-apiserver.</summary>
internal static class FieldManager
{
    /// <summary>The manager kube-apiserver gives the existing fields of an untracked object on its first apply.</summary>
    public const string BeforeFirstApplyManager = "before-first-apply";

    /// <summary>kube's stripMeta: the metadata map itself is never owned, only fields inside it.</summary>
    private const int ManagedFieldsMaxDepth = JsonValues.MaxDepth + 16;

    private static readonly FieldSet MetadataOnly = FieldSet.FromPaths([FieldPath.OfFields("metadata")]);

    /// <summary>
    /// Server-side apply of <paramref name="configuration"/> by <paramref name="manager"/> onto <paramref name="live"/>
    /// (null creates the object). Returns the new object with its <c>metadata.managedFields</c>; inputs are not changed.
    /// </summary>
    /// <exception cref="ApplyConflictException">Another manager owns a field this apply changes, and <paramref name="force"/> is false.</exception>
    /// <exception cref="ApplyRequestException">The configuration or the object is malformed.</exception>
    public static JsonObject Apply(JsonObject? live, JsonObject configuration, string manager, bool force, ApplySchema schema, ManagedFieldsContext context)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        return Guard(() => ApplyCore(live, configuration, manager, force, schema, context));
    }

    /// <summary>
    /// Tracks a non-apply write (create, update, any patch) by <paramref name="manager"/>: returns <paramref name="updated"/>
    /// with <c>metadata.managedFields</c> recomputed. Never conflicts.
    /// </summary>
    /// <exception cref="ApplyRequestException">The object is malformed.</exception>
    public static JsonObject Update(JsonObject? live, JsonObject updated, string manager, ApplySchema schema, ManagedFieldsContext context)
    {
        ArgumentNullException.ThrowIfNull(updated);
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        return Guard(() => UpdateCore(live, updated, manager, schema, context));
    }

    private static JsonObject ApplyCore(JsonObject? live, JsonObject configuration, string manager, bool force, ApplySchema schema, ManagedFieldsContext context)
    {
        if (manager.Length == 0)
        {
            throw new ApplyRequestException("fieldManager is required for apply requests");
        }

        CheckDepth(configuration, "apply configuration");
        CheckDepth(live, "object");
        CheckConfiguration(live, configuration, context);

        var resetPaths = ResetPaths(context);
        var ignored = FieldSet.FromPaths(resetPaths.Select(FieldPath.OfFields));
        var applied = Strip(configuration, live is not null, resetPaths);
        var appliedFields = FieldSetBuilder.FromConfiguration(applied, schema).RecursiveDifference(ignored).Difference(MetadataOnly);

        var entries = LiveEntries(live);
        if (live is not null && entries.Count == 0)
        {
            // kube attributes an untracked object's fields to a placeholder updater, so a first apply can conflict.
            var existing = ObjectComparer.Compare(null, live, schema).Without(ignored).Changed().Difference(MetadataOnly);
            if (!existing.IsEmpty)
            {
                entries.Add(NewEntry(BeforeFirstApplyManager, ManagedFieldsEntry.UpdateOperation, context, existing));
            }
        }

        var result = live is null ? applied : ObjectMerger.Merge(live, applied, schema);
        var own = entries.Find(e => e.Is(manager, ManagedFieldsEntry.ApplyOperation, context.ApiVersion, context.Subresource));
        var isNew = own is null;
        var previousFields = own?.Fields;
        if (own is null)
        {
            own = NewEntry(manager, ManagedFieldsEntry.ApplyOperation, context, appliedFields);
            own.Time = null;
            entries.Add(own);
        }

        own.Fields = appliedFields;
        own.ApiVersion = context.ApiVersion;

        if (live is not null && previousFields is { IsEmpty: false })
        {
            // Fields this manager stopped applying go, unless another manager (or its own new configuration) still owns them.
            var owned = entries.Aggregate(new FieldSet(), (all, e) => all.Union(e.Fields));
            var released = NamedFields.Expand(previousFields, schema).Difference(NamedFields.Expand(owned, schema));
            result = ObjectPruner.Remove(result, released, schema);
        }

        RestoreResetPaths(result, live, resetPaths);
        var comparison = ObjectComparer.Compare(live, result, schema).Without(ignored);
        var changed = comparison.Changed();

        var conflicts = entries
            .Where(e => !ReferenceEquals(e, own))
            .Select(e => (Entry: e, Fields: e.Fields.Intersection(changed)))
            .Where(c => !c.Fields.IsEmpty)
            .OrderBy(c => c.Entry.Identifier, StringComparer.Ordinal)
            .ToList();
        if (conflicts.Count > 0 && !force)
        {
            throw new ApplyConflictException([.. conflicts.SelectMany(c => c.Fields.Paths().Select(p =>
                new ApplyConflict(c.Entry.Manager, p.ToString()) { ManagerDescription = c.Entry.Description }))]);
        }

        foreach (var (entry, fields) in conflicts)
        {
            entry.Fields = entry.Fields.Difference(fields);
        }

        foreach (var entry in entries.Where(e => !ReferenceEquals(e, own)))
        {
            entry.Fields = entry.Fields.Difference(comparison.Removed);
        }

        // kube stamps the applier only when the object changed, so an idempotent re-apply is a no-op.
        if (isNew || live is null || !EqualsIgnoringManagedFields(live, result))
        {
            own.Time = context.Now;
        }

        WriteEntries(result, entries);
        return result;
    }

    private static JsonObject UpdateCore(JsonObject? live, JsonObject updated, string manager, ApplySchema schema, ManagedFieldsContext context)
    {
        CheckDepth(updated, "object");
        CheckDepth(live, "object");

        var resetPaths = ResetPaths(context);
        var ignored = FieldSet.FromPaths(resetPaths.Select(FieldPath.OfFields));
        var result = (JsonObject)updated.DeepClone();
        var sent = (result["metadata"] as JsonObject)?["managedFields"];
        RestoreResetPaths(result, live, resetPaths);

        List<ManagedFieldsEntry> entries;
        if (!string.IsNullOrEmpty(context.Subresource))
        {
            // kube ignores managedFields sent to a subresource.
            entries = LiveEntries(live);
        }
        else if (ManagedFieldsCodec.IsReset(sent))
        {
            entries = [];
        }
        else if (ManagedFieldsCodec.TryDecode(sent, out var fromClient) && fromClient.Count > 0)
        {
            entries = fromClient;
        }
        else
        {
            // Clients unaware of managedFields (or sending garbage) must not wipe it.
            entries = LiveEntries(live);
        }

        var comparison = ObjectComparer.Compare(live, result, schema).Without(ignored);
        var changed = comparison.Changed().Difference(MetadataOnly);
        var own = entries.Find(e => e.Is(manager, ManagedFieldsEntry.UpdateOperation, context.ApiVersion, context.Subresource));
        foreach (var entry in entries.Where(e => !ReferenceEquals(e, own)))
        {
            entry.Fields = entry.Fields.Difference(changed).Difference(comparison.Removed);
        }

        if (own is not null)
        {
            own.Fields = own.Fields.Difference(comparison.Removed).Union(changed);
        }
        else if (!changed.IsEmpty)
        {
            own = NewEntry(manager, ManagedFieldsEntry.UpdateOperation, context, changed);
            entries.Add(own);
        }

        if (own is not null && !changed.IsEmpty)
        {
            own.Time = context.Now;
        }

        WriteEntries(result, entries);
        return result;
    }

    private static JsonObject Guard(Func<JsonObject> operation)
    {
        try
        {
            return operation();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or InsufficientExecutionStackException)
        {
            // Arbitrary client JSON must surface as a bad request, never as a server error.
            throw new ApplyRequestException($"invalid object: {e.Message}", e);
        }
    }

    /// <summary>Caps nesting; managedFields is measured on its own, since its FieldsV1 nests a few levels below the fields it records.</summary>
    private static void CheckDepth(JsonObject? value, string what)
    {
        if (value is null)
        {
            return;
        }

        var tooDeep = false;
        foreach (var (name, child) in value)
        {
            if (name == "metadata" && child is JsonObject metadata)
            {
                foreach (var (metadataName, metadataChild) in metadata)
                {
                    var limit = metadataName == "managedFields" ? ManagedFieldsMaxDepth : JsonValues.MaxDepth;
                    tooDeep |= JsonValues.IsDeeperThan(metadataChild, limit - 2);
                }
            }
            else
            {
                tooDeep |= JsonValues.IsDeeperThan(child, JsonValues.MaxDepth - 1);
            }
        }

        if (tooDeep)
        {
            throw new ApplyRequestException($"{what} nests deeper than {JsonValues.MaxDepth} levels");
        }
    }

    private static void CheckConfiguration(JsonObject? live, JsonObject configuration, ManagedFieldsContext context)
    {
        var apiVersion = JsonValues.AsString(configuration["apiVersion"]);
        var kind = JsonValues.AsString(configuration["kind"]);
        if (string.IsNullOrEmpty(apiVersion) || string.IsNullOrEmpty(kind))
        {
            throw new ApplyRequestException("apply configuration must set apiVersion and kind");
        }

        if (configuration["metadata"] is not JsonObject metadata || string.IsNullOrEmpty(JsonValues.AsString(metadata["name"])))
        {
            throw new ApplyRequestException("apply configuration must set metadata.name");
        }

        if (metadata["managedFields"] is not null)
        {
            throw new ApplyRequestException("metadata.managedFields must be nil");
        }

        var liveKind = live is null ? null : JsonValues.AsString(live["kind"]);
        if (apiVersion != context.ApiVersion || (liveKind is not null && liveKind != kind))
        {
            var groupVersion = apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion : "/" + apiVersion;
            throw new ApplyRequestException($"invalid object type: {groupVersion}, Kind={kind}");
        }
    }

    private static List<string[]> ResetPaths(ManagedFieldsContext context) =>
        [.. (context.ResetFields ?? []).Where(p => !string.IsNullOrEmpty(p)).Select(p => p.Split('.')).Where(p => p.All(s => s.Length > 0))];

    /// <summary>Copies the configuration without what the server decides: reset fields, and on updates the untracked metadata.</summary>
    private static JsonObject Strip(JsonObject configuration, bool liveExists, List<string[]> resetPaths)
    {
        var result = (JsonObject)configuration.DeepClone();
        var metadata = (JsonObject)result["metadata"]!;
        metadata.Remove("managedFields");
        if (liveExists)
        {
            // The stored object keeps its identity; name and namespace were matched against the URL by the caller.
            result.Remove("apiVersion");
            result.Remove("kind");
            foreach (var (name, _) in metadata.ToList())
            {
                if (SchemaNode.ObjectMeta.Properties.TryGetValue(name, out var node) && node.Kind == SchemaKind.Untracked)
                {
                    metadata.Remove(name);
                }
            }
        }

        foreach (var path in resetPaths)
        {
            if (Navigate(result, path.AsSpan(0, path.Length - 1)) is JsonObject parent)
            {
                parent.Remove(path[^1]);
            }
        }

        return result;
    }

    /// <summary>Gives each reset path the live object's value, or removes it when the live object has none.</summary>
    private static void RestoreResetPaths(JsonObject target, JsonObject? live, List<string[]> resetPaths)
    {
        foreach (var path in resetPaths)
        {
            var liveParent = live is null ? null : Navigate(live, path.AsSpan(0, path.Length - 1)) as JsonObject;
            if (liveParent is not null && liveParent.TryGetPropertyValue(path[^1], out var value))
            {
                if (CreateParents(target, path.AsSpan(0, path.Length - 1)) is { } parent)
                {
                    parent[path[^1]] = value?.DeepClone();
                }
            }
            else if (Navigate(target, path.AsSpan(0, path.Length - 1)) is JsonObject targetParent)
            {
                targetParent.Remove(path[^1]);
            }
        }
    }

    /// <summary>Returns the object at a path, creating missing (or null) levels; null when a level holds a non-object.</summary>
    private static JsonObject? CreateParents(JsonObject root, ReadOnlySpan<string> path)
    {
        var current = root;
        foreach (var segment in path)
        {
            var next = current[segment];
            if (next is null)
            {
                next = new JsonObject();
                current[segment] = next;
            }

            if (next is not JsonObject nextObject)
            {
                return null;
            }

            current = nextObject;
        }

        return current;
    }

    private static JsonNode? Navigate(JsonObject root, ReadOnlySpan<string> path)
    {
        JsonNode? node = root;
        foreach (var segment in path)
        {
            node = node is JsonObject map ? map[segment] : null;
        }

        return node;
    }

    private static List<ManagedFieldsEntry> LiveEntries(JsonObject? live)
    {
        var stored = (live?["metadata"] as JsonObject)?["managedFields"];

        // kube resets undecodable stored managed fields rather than failing every write.
        return ManagedFieldsCodec.TryDecode(stored, out var entries) ? entries : [];
    }

    private static ManagedFieldsEntry NewEntry(string manager, string operation, ManagedFieldsContext context, FieldSet fields) => new()
    {
        Manager = manager,
        Operation = operation,
        ApiVersion = context.ApiVersion,
        Time = context.Now,
        Subresource = string.IsNullOrEmpty(context.Subresource) ? null : context.Subresource,
        Fields = fields,
    };

    private static void WriteEntries(JsonObject target, List<ManagedFieldsEntry> entries)
    {
        entries.RemoveAll(e => e.Fields.IsEmpty);
        var metadata = target["metadata"];
        if (metadata is null && entries.Count > 0 && !target.ContainsKey("metadata"))
        {
            metadata = new JsonObject();
            target["metadata"] = metadata;
        }

        if (metadata is not JsonObject metadataObject)
        {
            return;
        }

        if (entries.Count == 0)
        {
            metadataObject.Remove("managedFields");
        }
        else
        {
            metadataObject["managedFields"] = ManagedFieldsCodec.Encode(entries);
        }
    }

    private static bool EqualsIgnoringManagedFields(JsonObject left, JsonObject right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (var (name, value) in left)
        {
            if (!right.TryGetPropertyValue(name, out var other))
            {
                return false;
            }

            var equal = name == "metadata" && value is JsonObject leftMetadata && other is JsonObject rightMetadata
                ? JsonEquality.DeepEquals(WithoutManagedFields(leftMetadata), WithoutManagedFields(rightMetadata))
                : JsonEquality.DeepEquals(value, other);
            if (!equal)
            {
                return false;
            }
        }

        return true;
    }

    private static JsonObject WithoutManagedFields(JsonObject metadata)
    {
        var copy = new JsonObject();
        foreach (var (name, value) in metadata)
        {
            if (name != "managedFields")
            {
                copy[name] = value?.DeepClone();
            }
        }

        return copy;
    }
}
