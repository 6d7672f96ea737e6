using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Resources;

namespace KubeBind.DevApiServer.Discovery;

/// <summary>
/// OpenAPI v3 as kube-apiserver serves it: an index at /openapi/v3 and one document per group/version. Every
/// PATCH operation carries <c>x-kubernetes-group-version-kind</c> and the <c>fieldValidation</c> parameter, which is
/// how kubectl decides to validate on the server instead of downloading protobuf OpenAPI v2; custom resources
/// carry their schema so <c>kubectl explain</c> has something to show.
/// </summary>
internal static class OpenApiDocuments
{
    public static JsonObject Index(ResourceRegistry.Snapshot snapshot)
    {
        var paths = new JsonObject();
        foreach (var (group, version) in snapshot.All.Select(t => (t.Group, t.Version)).Distinct())
        {
            var key = GroupVersionPath(group, version);
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Document(snapshot, group, version).ToJsonString())))[..16];
            paths[key] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{key}?hash={hash}" };
        }

        return new JsonObject { ["paths"] = paths };
    }

    public static string GroupVersionPath(string group, string version) => group.Length == 0 ? $"api/{version}" : $"apis/{group}/{version}";

    /// <summary>The document for "api/v1" or "apis/{group}/{version}"; null when nothing is served there.</summary>
    public static JsonObject? Document(ResourceRegistry.Snapshot snapshot, string path)
    {
        var parts = path.Trim('/').Split('/');
        (string Group, string Version)? gv = parts switch
        {
            ["api", var v] => (string.Empty, v),
            ["apis", var g, var v] => (g, v),
            _ => null,
        };
        if (gv is null || snapshot.InGroupVersion(gv.Value.Group, gv.Value.Version).Count == 0)
        {
            return null;
        }

        return Document(snapshot, gv.Value.Group, gv.Value.Version);
    }

    private static JsonObject Document(ResourceRegistry.Snapshot snapshot, string group, string version)
    {
        var paths = new JsonObject();
        var schemas = new JsonObject();
        foreach (var type in snapshot.InGroupVersion(group, version))
        {
            var gvk = new JsonObject { ["group"] = group, ["version"] = version, ["kind"] = type.Kind };
            var schemaName = SchemaName(type);
            if (type.OpenApiSchema is { } openApiSchema)
            {
                var schema = (JsonObject)openApiSchema.DeepClone();
                schema["x-kubernetes-group-version-kind"] = new JsonArray(gvk.DeepClone());
                schemas[schemaName] = schema;
            }
            else
            {
                // No gvk marker on built-in placeholders: kubectl then computes strategic patches from its compiled-in
                // types instead of failing to find fields in a schema we do not have.
                schemas[schemaName] = new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true };
            }

            var prefix = "/" + GroupVersionPath(group, version);
            var item = type.Namespaced ? $"{prefix}/namespaces/{{namespace}}/{type.Resource}/{{name}}" : $"{prefix}/{type.Resource}/{{name}}";
            if (type.CreateOnly)
            {
                var collection = type.Namespaced ? $"{prefix}/namespaces/{{namespace}}/{type.Resource}" : $"{prefix}/{type.Resource}";
                // kubectl looks for a PATCH operation of the kind to decide that the server validates fields; without one it
                // falls back to OpenAPI v2 (not served), so create-only kinds advertise one too.
                paths[collection] = new JsonObject
                {
                    ["post"] = Operation("create", type, gvk, schemaName),
                    ["patch"] = Operation("patch", type, gvk, schemaName),
                };
                continue;
            }

            paths[item] = new JsonObject
            {
                ["get"] = Operation("read", type, gvk, schemaName),
                ["put"] = Operation("replace", type, gvk, schemaName),
                ["patch"] = Operation("patch", type, gvk, schemaName),
                ["delete"] = Operation("delete", type, gvk, schemaName),
            };
            if (type.HasStatus)
            {
                paths[item + "/status"] = new JsonObject
                {
                    ["get"] = Operation("readStatus", type, gvk, schemaName),
                    ["put"] = Operation("replaceStatus", type, gvk, schemaName),
                    ["patch"] = Operation("patchStatus", type, gvk, schemaName),
                };
            }
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.32.0-devapiserver" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
    }

    private static JsonObject Operation(string action, ResourceType type, JsonObject gvk, string schemaName)
    {
        var parameters = new JsonArray(
            Query("dryRun"),
            Query("fieldManager"),
            Query("fieldValidation"));
        if (action.StartsWith("patch", StringComparison.Ordinal))
        {
            parameters.Add(Query("force", "boolean"));
        }

        return new JsonObject
        {
            ["operationId"] = $"{action}{type.Kind}",
            ["parameters"] = parameters,
            ["responses"] = new JsonObject
            {
                ["200"] = new JsonObject
                {
                    ["description"] = "OK",
                    ["content"] = new JsonObject
                    {
                        ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = $"#/components/schemas/{schemaName}" } },
                    },
                },
            },
            ["x-kubernetes-action"] = action switch { "read" or "readStatus" => "get", "replace" or "replaceStatus" => "put", "create" => "post", "patchStatus" => "patch", _ => action },
            ["x-kubernetes-group-version-kind"] = gvk.DeepClone(),
        };
    }

    private static JsonObject Query(string name, string type = "string") => new()
    {
        ["name"] = name,
        ["in"] = "query",
        ["schema"] = new JsonObject { ["type"] = type, ["uniqueItems"] = true },
    };

    private static string SchemaName(ResourceType type)
    {
        var reversed = string.Join('.', (type.Group.Length == 0 ? "core" : type.Group).Split('.').Reverse());
        return $"{reversed}.{type.Version}.{type.Kind}";
    }
}
