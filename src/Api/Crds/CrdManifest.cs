using System.Text.Json.Nodes;
using KubeBind.Kubernetes.Models;

namespace KubeBind.Api.Crds;

/// <summary>One shipped CustomResourceDefinition: its YAML from <c>deploy/crds</c> and the facts the installer checks.</summary>
public sealed class CrdManifest
{
    private readonly JsonObject _json;

    internal CrdManifest(string fileName, string yaml)
    {
        FileName = fileName;
        Yaml = yaml;
        _json = YamlJson.Documents(yaml) is [JsonObject json] ? json : throw new InvalidDataException($"{fileName}: expected one CustomResourceDefinition document");
        Name = Text(_json, fileName, "metadata", "name");
        Group = Text(_json, fileName, "spec", "group");
        Kind = Text(_json, fileName, "spec", "names", "kind");
        ListKind = Text(_json, fileName, "spec", "names", "listKind");
        Plural = Text(_json, fileName, "spec", "names", "plural");
        Singular = Text(_json, fileName, "spec", "names", "singular");
        Scope = Text(_json, fileName, "spec", "scope");
        var versions = (_json["spec"]?["versions"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        Versions = [.. versions.Select(v => Text(v, fileName, "name"))];
        StorageVersion = versions.Where(v => v["storage"]?.GetValue<bool>() == true).Select(v => Text(v, fileName, "name")).SingleOrDefault()
            ?? throw new InvalidDataException($"{fileName}: expected exactly one storage version");
    }

    /// <summary>The CRD's name, <c>&lt;plural&gt;.&lt;group&gt;</c>.</summary>
    public string Name { get; }

    /// <summary>The file in <c>deploy/crds</c> it was embedded from.</summary>
    public string FileName { get; }

    /// <summary>The API group (always <c>kube-bind.io</c>).</summary>
    public string Group { get; }

    /// <summary>The kind of the objects, e.g. <c>APIServiceExport</c>.</summary>
    public string Kind { get; }

    /// <summary>The kind of lists of the objects.</summary>
    public string ListKind { get; }

    /// <summary>The resource name in URLs.</summary>
    public string Plural { get; }

    /// <summary>The singular resource name.</summary>
    public string Singular { get; }

    /// <summary><c>Namespaced</c> or <c>Cluster</c>.</summary>
    public string Scope { get; }

    /// <summary>Every version the CRD serves, in manifest order.</summary>
    public IReadOnlyList<string> Versions { get; }

    /// <summary>The version objects are stored in.</summary>
    public string StorageVersion { get; }

    /// <summary>The resource in its storage version, for <c>KubernetesClient.Resource</c>.</summary>
    public GroupVersionResource Resource => new(Group, StorageVersion, Plural);

    /// <summary>The manifest as shipped.</summary>
    public string Yaml { get; }

    /// <summary>The manifest as a fresh JSON object the caller may change.</summary>
    public JsonObject ToJson() => (JsonObject)_json.DeepClone();

    private static string Text(JsonObject json, string fileName, params string[] path)
    {
        JsonNode? node = json;
        foreach (var part in path)
        {
            node = node?[part];
        }

        return node?.GetValue<string>() is { Length: > 0 } text ? text : throw new InvalidDataException($"{fileName}: {string.Join('.', path)} is missing");
    }
}
