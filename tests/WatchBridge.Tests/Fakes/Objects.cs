using System.Text.Json.Nodes;
using KubeBind.Api;
using KubeBind.Api.V1Alpha2;
using KubeBind.Kubernetes.Models;

namespace KubeBind.WatchBridge.Tests.Fakes;

/// <summary>Minimal valid kube-bind objects for routing and cluster tests.</summary>
internal static class Objects
{
    public static ApiServiceExportRequest Request(string ns, string name, params (string Group, string Resource)[] resources) => new()
    {
        Metadata = new ObjectMeta { Namespace = ns, Name = name },
        Spec = new ApiServiceExportRequestSpec
        {
            Resources = [.. resources.Select(r => new ApiServiceExportRequestResource { Group = r.Group, Resource = r.Resource, Versions = ["v1"] })],
        },
    };

    public static ApiServiceExport Export(string ns, string name, string group, string resource) => new()
    {
        Metadata = new ObjectMeta { Namespace = ns, Name = name },
        Spec = new ApiServiceExportSpec
        {
            Resources = [new ApiServiceExportRequestResource { Group = group, Resource = resource, Versions = ["v1"] }],
            InformerScope = "Namespaced",
            Isolation = "Prefixed",
        },
    };

    public static BoundSchema BoundSchema(string ns, string group, string resource, string kind) => new()
    {
        Metadata = new ObjectMeta { Namespace = ns, Name = $"{resource}.{group}" },
        Spec = new BoundSchemaSpec
        {
            InformerScope = "Namespaced",
            Group = group,
            Names = new CustomResourceDefinitionNames { Plural = resource, Kind = kind },
            Scope = "Namespaced",
            Versions =
            [
                new ApiResourceVersion
                {
                    Name = "v1",
                    Served = true,
                    Storage = true,
                    Schema = System.Text.Json.JsonDocument.Parse("""{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}""").RootElement.Clone(),
                },
            ],
        },
    };

    /// <summary>A CRD for <c>&lt;plural&gt;.&lt;group&gt;</c>, labelled exported when <paramref name="exported"/>.</summary>
    public static JsonObject Crd(string group, string plural, string kind, bool exported = true)
    {
        var metadata = new JsonObject { ["name"] = $"{plural}.{group}" };
        if (exported)
        {
            metadata["labels"] = new JsonObject { [Labels.Exported] = Labels.True };
        }

        return new JsonObject
        {
            ["apiVersion"] = "apiextensions.k8s.io/v1",
            ["kind"] = "CustomResourceDefinition",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject
            {
                ["group"] = group,
                ["scope"] = "Namespaced",
                ["names"] = new JsonObject { ["plural"] = plural, ["singular"] = kind.ToLowerInvariant(), ["kind"] = kind, ["listKind"] = kind + "List" },
                ["versions"] = new JsonArray(new JsonObject
                {
                    ["name"] = "v1",
                    ["served"] = true,
                    ["storage"] = true,
                    ["schema"] = new JsonObject { ["openAPIV3Schema"] = new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true } },
                }),
            },
        };
    }
}
