using System.Text.Json.Nodes;

namespace KubeBind.DevApiServer.Tests.Conformance;

/// <summary>Small builders for the objects the conformance tests write.</summary>
internal static class Objects
{
    public static JsonObject ConfigMap(string name, IReadOnlyDictionary<string, string>? data = null, IReadOnlyDictionary<string, string>? labels = null)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (labels is not null)
        {
            metadata["labels"] = Map(labels);
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = metadata,
            ["data"] = Map(data ?? new Dictionary<string, string> { ["key"] = "value" }),
        };
    }

    public static string ConfigMaps(string ns) => $"/api/v1/namespaces/{ns}/configmaps";

    public static JsonObject Map(IReadOnlyDictionary<string, string> values)
    {
        var map = new JsonObject();
        foreach (var (k, v) in values)
        {
            map[k] = v;
        }

        return map;
    }

    /// <summary>A namespaced CRD in a unique group, with a status subresource and a small schema.</summary>
    public static JsonObject WidgetCrd(string group, bool statusSubresource = true, string[]? versions = null)
    {
        versions ??= ["v1"];
        var versionList = new JsonArray();
        for (var i = 0; i < versions.Length; i++)
        {
            var version = new JsonObject
            {
                ["name"] = versions[i],
                ["served"] = true,
                ["storage"] = i == 0,
                ["schema"] = new JsonObject { ["openAPIV3Schema"] = WidgetSchema() },
                ["additionalPrinterColumns"] = new JsonArray(new JsonObject { ["name"] = "Size", ["type"] = "integer", ["jsonPath"] = ".spec.size" }),
            };
            if (statusSubresource)
            {
                version["subresources"] = new JsonObject { ["status"] = new JsonObject() };
            }

            versionList.Add(version);
        }

        return new JsonObject
        {
            ["apiVersion"] = "apiextensions.k8s.io/v1",
            ["kind"] = "CustomResourceDefinition",
            ["metadata"] = new JsonObject { ["name"] = $"widgets.{group}" },
            ["spec"] = new JsonObject
            {
                ["group"] = group,
                ["scope"] = "Namespaced",
                ["names"] = new JsonObject { ["plural"] = "widgets", ["singular"] = "widget", ["kind"] = "Widget", ["listKind"] = "WidgetList" },
                ["versions"] = versionList,
            },
        };
    }

    public static JsonObject Widget(string group, string version, string name, int size = 1, string color = "red") => new()
    {
        ["apiVersion"] = $"{group}/{version}",
        ["kind"] = "Widget",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject { ["size"] = size, ["color"] = color },
    };

    private static JsonObject WidgetSchema() => JsonNode.Parse("""
        {
          "type": "object",
          "properties": {
            "spec": {
              "type": "object",
              "required": ["size"],
              "properties": {
                "size": { "type": "integer", "minimum": 0 },
                "color": { "type": "string", "enum": ["red", "green", "blue"], "default": "red" },
                "tags": { "type": "array", "items": { "type": "string" } },
                "extra": { "type": "object", "x-kubernetes-preserve-unknown-fields": true }
              }
            },
            "status": {
              "type": "object",
              "properties": {
                "phase": { "type": "string" },
                "observedGeneration": { "type": "integer" }
              }
            }
          }
        }
        """)!.AsObject();
}
