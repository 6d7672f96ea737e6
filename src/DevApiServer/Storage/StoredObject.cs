using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Api;

namespace KubeBind.DevApiServer.Storage;

/// <summary>
/// One immutable stored version of an object: its serialized JSON (in the storage version) plus the few
/// metadata fields the store indexes, so lists, selectors and watches never re-parse the body.
/// </summary>
internal sealed class StoredObject
{
    private StoredObject(GroupResource resource, string ns, string name, string uid, long resourceVersion, byte[] json, JsonObject source, StringPool? pool)
    {
        Resource = resource;
        Namespace = ns;
        Name = name;
        Uid = uid;
        ResourceVersion = resourceVersion;
        Json = json;
        var apiVersion = source.GetString("apiVersion") ?? string.Empty;
        ApiVersion = pool?.Intern(apiVersion) ?? apiVersion;
        var labels = source.Labels();
        Labels = labels.Count == 0
            ? LabelSet.Empty
            : new LabelSet([.. labels.Select(l => KeyValuePair.Create(pool?.Intern(l.Key) ?? l.Key, pool?.Intern(l.Value) ?? l.Value))]);
        var metadata = source["metadata"] as JsonObject;
        Deleting = metadata?["deletionTimestamp"] is not null;
        Finalizers = source.Finalizers();
        OwnerUids = metadata?["ownerReferences"] is JsonArray owners
            ? owners.OfType<JsonObject>().Select(o => o.GetString("uid")).OfType<string>().ToArray()
            : [];
    }

    public GroupResource Resource { get; }

    /// <summary>The namespace, or the empty string for cluster-scoped objects.</summary>
    public string Namespace { get; }

    public string Name { get; }

    public string Uid { get; }

    public long ResourceVersion { get; }

    /// <summary>The apiVersion the object is stored in (a CRD's storage version when it was written).</summary>
    public string ApiVersion { get; }

    /// <summary>UTF-8 JSON of the object as stored (storage version, resourceVersion set).</summary>
    public byte[] Json { get; }

    public IReadOnlyDictionary<string, string> Labels { get; }

    public IReadOnlyList<string> Finalizers { get; }

    public IReadOnlyList<string> OwnerUids { get; }

    public bool Deleting { get; }

    public ObjectKey Key => new(Resource, Namespace, Name);

    /// <summary>A fresh mutable copy of the object.</summary>
    public JsonObject ToJsonObject() => Meta.ParseObject(Json);

    /// <summary>Serializes <paramref name="obj"/> with its new resourceVersion; <paramref name="pool"/> interns repeated strings.</summary>
    public static StoredObject From(GroupResource resource, JsonObject obj, long resourceVersion, StringPool? pool = null)
    {
        obj.Metadata()["resourceVersion"] = resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(obj, JsonDefaults.Compact);
        var ns = obj.Namespace() ?? string.Empty;
        return new StoredObject(resource, pool?.Intern(ns) ?? ns, obj.Name() ?? string.Empty, obj.Uid() ?? string.Empty, resourceVersion, json, obj, pool);
    }
}
