using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Api;
using KubeBind.DevApiServer.Resources;

namespace KubeBind.DevApiServer.Http;

/// <summary>
/// Server-side printing (<c>Accept: application/json;as=Table;g=meta.k8s.io;v=v1</c>), which kubectl get asks for:
/// Name plus the type's columns (a CRD's additionalPrinterColumns), ages in kube-apiserver's human format.
/// </summary>
internal static class TableConverter
{
    public static bool Wants(string? accept) => accept is not null && accept.Contains("as=Table", StringComparison.Ordinal);

    public static JsonObject Table(ResourceType type, IEnumerable<JsonObject> objects, string resourceVersion, string? continueToken, string includeObject, DateTimeOffset now, bool withColumns = true)
    {
        var metadata = new JsonObject { ["resourceVersion"] = resourceVersion };
        if (!string.IsNullOrEmpty(continueToken))
        {
            metadata["continue"] = continueToken;
        }

        var columns = Columns(type);
        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = metadata,
            // Watches send the column definitions once, with the first event, as kube-apiserver does.
            ["columnDefinitions"] = !withColumns ? new JsonArray() : new JsonArray([.. columns.Select(c => (JsonNode?)new JsonObject
            {
                ["name"] = c.Name,
                ["type"] = c.Type,
                ["format"] = c.Format,
                ["description"] = c.Description,
                ["priority"] = c.Priority,
            })]),
            ["rows"] = new JsonArray([.. objects.Select(o => (JsonNode?)Row(columns, o, includeObject, now))]),
        };
    }

    private static JsonObject Row(IReadOnlyList<PrinterColumn> columns, JsonObject obj, string includeObject, DateTimeOffset now)
    {
        var row = new JsonObject { ["cells"] = new JsonArray([.. columns.Select(c => Cell(c, obj, now))]) };
        row["object"] = includeObject switch
        {
            "None" => null,
            "Object" => obj.DeepClone(),
            _ => new JsonObject
            {
                ["kind"] = "PartialObjectMetadata",
                ["apiVersion"] = "meta.k8s.io/v1",
                ["metadata"] = obj["metadata"]?.DeepClone(),
            },
        };
        return row;
    }

    private static JsonNode? Cell(PrinterColumn column, JsonObject obj, DateTimeOffset now)
    {
        var value = column.JsonPath switch
        {
            "#count(.data)" => JsonValue.Create(((obj["data"] as JsonObject)?.Count ?? 0) + ((obj["binaryData"] as JsonObject)?.Count ?? 0)),
            _ => SimpleJsonPath.Evaluate(obj, column.JsonPath),
        };
        if (value is null)
        {
            return null;
        }

        // The default table's "Created At" shows the timestamp; every other date column is an age ("5m").
        if (column.Type == "date" && column.Name != "Created At" && value is JsonValue v && v.TryGetValue<string>(out var s) &&
            DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return HumanDuration(now - time);
        }

        return value.GetValueKind() is JsonValueKind.Object or JsonValueKind.Array ? value.ToJsonString() : value.DeepClone();
    }

    private static IReadOnlyList<PrinterColumn> Columns(ResourceType type)
    {
        var name = new PrinterColumn("Name", "string", ".metadata.name", "Name must be unique within a namespace.", "name");
        var age = new PrinterColumn("Age", "date", ".metadata.creationTimestamp", "CreationTimestamp is a timestamp representing the server time when this object was created.");
        if (type.IsCustom)
        {
            return type.PrinterColumns.Count > 0 ? [name, .. type.PrinterColumns] : [name, age];
        }

        return type.Resource switch
        {
            "namespaces" => [name, new("Status", "string", ".status.phase", "The status of the namespace"), age],
            "configmaps" => [name, new("Data", "integer", "#count(.data)", "Number of data items"), age],
            "secrets" => [name, new("Type", "string", ".type", "The type of the secret"), new("Data", "integer", "#count(.data)", "Number of data items"), age],
            "leases" => [name, new("Holder", "string", ".spec.holderIdentity", "The holder of the lease"), age],
            "rolebindings" or "clusterrolebindings" => [name, new("Role", "string", ".roleRef.name", "The role referenced"), age],
            "customresourcedefinitions" or "roles" or "clusterroles" => [name, new("Created At", "date", ".metadata.creationTimestamp", "Creation time")],
            _ => [name, age],
        };
    }

    /// <summary>kube-apiserver's duration.HumanDuration: "5s", "3m20s", "2h10m", "4d", "2y100d".</summary>
    public static string HumanDuration(TimeSpan d)
    {
        var seconds = (long)Math.Max(0, d.TotalSeconds);
        if (seconds < 60 * 2)
        {
            return $"{seconds}s";
        }

        var minutes = seconds / 60;
        if (minutes < 10)
        {
            return seconds % 60 == 0 ? $"{minutes}m" : $"{minutes}m{seconds % 60}s";
        }

        if (minutes < 60 * 3)
        {
            return $"{minutes}m";
        }

        var hours = minutes / 60;
        if (hours < 8)
        {
            return minutes % 60 == 0 ? $"{hours}h" : $"{hours}h{minutes % 60}m";
        }

        if (hours < 48)
        {
            return $"{hours}h";
        }

        if (hours < 24 * 8)
        {
            return hours % 24 == 0 ? $"{hours / 24}d" : $"{hours / 24}d{hours % 24}h";
        }

        if (hours < 24 * 365 * 2)
        {
            return $"{hours / 24}d";
        }

        return $"{hours / 24 / 365}y{hours / 24 % 365}d";
    }
}
