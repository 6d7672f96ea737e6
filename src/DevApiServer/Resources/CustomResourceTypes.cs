using System.Text.Json;
using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Api;
using KubeBind.DevApiServer.Apply;
using KubeBind.DevApiServer.Schema;

namespace KubeBind.DevApiServer.Resources;

/// <summary>Turns an established CustomResourceDefinition into the resource types it serves, one per served version.</summary>
internal static class CustomResourceTypes
{
    public static IReadOnlyList<ResourceType> FromCrd(JsonObject crd)
    {
        if (crd["spec"] is not JsonObject spec || !IsEstablished(crd))
        {
            return [];
        }

        var group = spec.GetString("group") ?? string.Empty;
        var names = (crd["status"] as JsonObject)?["acceptedNames"] as JsonObject ?? spec["names"] as JsonObject ?? [];
        var versions = (spec["versions"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var storage = versions.FirstOrDefault(v => v["storage"]?.GetValueKind() == JsonValueKind.True)?.GetString("name") ?? string.Empty;
        var kind = names.GetString("kind") ?? string.Empty;
        var result = new List<ResourceType>();
        foreach (var version in versions)
        {
            var served = version["served"]?.GetValueKind() == JsonValueKind.True;
            if (!served && version.GetString("name") != storage)
            {
                continue;
            }

            var schema = (version["schema"] as JsonObject)?["openAPIV3Schema"] as JsonObject ?? new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true };
            var subresources = new List<Subresource>();
            if ((version["subresources"] as JsonObject)?["status"] is JsonObject)
            {
                subresources.Add(new Subresource("status", kind, ["get", "patch", "update"]));
            }

            result.Add(new ResourceType
            {
                Group = group,
                Version = version.GetString("name") ?? string.Empty,
                Resource = names.GetString("plural") ?? string.Empty,
                Singular = names.GetString("singular") ?? kind.ToLowerInvariant(),
                Kind = kind,
                ListKind = names.GetString("listKind") ?? kind + "List",
                Namespaced = spec.GetString("scope") == "Namespaced",
                ShortNames = Meta.StringList(names["shortNames"]),
                Categories = Meta.StringList(names["categories"]),
                StorageVersion = storage,
                TracksGeneration = true,
                AllowUnconditionalUpdate = false,
                IsCustom = true,
                Served = served,
                Schema = StructuralSchema.Parse(schema),
                OpenApiSchema = (JsonObject)schema.DeepClone(),
                ApplySchema = ApplySchema.FromOpenApiV3(schema),
                PrinterColumns = PrinterColumns(version),
                SelectableFields = (version["selectableFields"] as JsonArray)?.OfType<JsonObject>()
                    .Select(f => f.GetString("jsonPath"))
                    .OfType<string>()
                    .ToDictionary(path => path.TrimStart('.'), path => path, StringComparer.Ordinal) ?? new Dictionary<string, string>(),
                Subresources = subresources,
            });
        }

        return result;
    }

    public static bool IsEstablished(JsonObject crd) =>
        ((crd["status"] as JsonObject)?["conditions"] as JsonArray)?.OfType<JsonObject>()
            .Any(c => c.GetString("type") == "Established" && c.GetString("status") == "True") == true;

    private static List<PrinterColumn> PrinterColumns(JsonObject version) =>
        (version["additionalPrinterColumns"] as JsonArray)?.OfType<JsonObject>()
            .Select(c => new PrinterColumn(
                c.GetString("name") ?? string.Empty,
                c.GetString("type") ?? "string",
                c.GetString("jsonPath") ?? string.Empty,
                c.GetString("description") ?? string.Empty,
                c.GetString("format") ?? string.Empty,
                c["priority"] is JsonValue p && p.TryGetValue<int>(out var priority) ? priority : 0))
            .ToList() ?? [];
}
