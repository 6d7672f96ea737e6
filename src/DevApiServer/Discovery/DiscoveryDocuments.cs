using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Resources;

namespace KubeBind.DevApiServer.Discovery;

/// <summary>The legacy discovery documents kubectl and client-go read: /version, /api, /api/v1, /apis, /apis/{g}, /apis/{g}/{v}.</summary>
internal static class DiscoveryDocuments
{
    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = "v1.32.0-devapiserver",
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2026-01-01T00:00:00Z",
        ["goVersion"] = "go1.23",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    public static JsonObject CoreVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public static JsonObject GroupList(ResourceRegistry.Snapshot snapshot) => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray([.. snapshot.Groups.Where(g => g.Name.Length > 0).Select(g => (JsonNode?)Group(g))]),
    };

    public static JsonObject Group(ResourceRegistry.ApiGroup group)
    {
        var versions = new JsonArray([.. group.Versions.Select(v => (JsonNode?)new JsonObject { ["groupVersion"] = $"{group.Name}/{v}", ["version"] = v })]);
        return new JsonObject
        {
            ["kind"] = "APIGroup",
            ["apiVersion"] = "v1",
            ["name"] = group.Name,
            ["versions"] = versions,
            ["preferredVersion"] = versions[0]!.DeepClone(),
        };
    }

    public static JsonObject ResourceList(string group, string version, IReadOnlyList<ResourceType> types)
    {
        var resources = new JsonArray();
        foreach (var type in types.OrderBy(t => t.Resource, StringComparer.Ordinal))
        {
            var entry = new JsonObject
            {
                ["name"] = type.Resource,
                ["singularName"] = type.Singular,
                ["namespaced"] = type.Namespaced,
                ["kind"] = type.Kind,
                ["verbs"] = Strings(type.Verbs),
            };
            if (type.ShortNames.Count > 0)
            {
                entry["shortNames"] = Strings(type.ShortNames);
            }

            if (type.Categories.Count > 0)
            {
                entry["categories"] = Strings(type.Categories);
            }

            if (type.IsCustom)
            {
                entry["storageVersionHash"] = StorageVersionHash(type);
            }

            resources.Add(entry);
            foreach (var sub in type.Subresources)
            {
                var subEntry = new JsonObject
                {
                    ["name"] = $"{type.Resource}/{sub.Name}",
                    ["singularName"] = string.Empty,
                    ["namespaced"] = type.Namespaced,
                    ["kind"] = sub.Kind,
                    ["verbs"] = Strings(sub.Verbs),
                };
                if (sub.Group.Length > 0)
                {
                    subEntry["group"] = sub.Group;
                    subEntry["version"] = sub.Version;
                }

                resources.Add(subEntry);
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = resources,
        };
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)v)]);

    // kube-apiserver hashes group/version/kind of the storage version; clients only compare it for changes.
    private static string StorageVersionHash(ResourceType type)
    {
        var bytes = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{type.Group}/{type.StorageVersion}/{type.Kind}"));
        return Convert.ToBase64String(bytes, 0, 8);
    }
}
