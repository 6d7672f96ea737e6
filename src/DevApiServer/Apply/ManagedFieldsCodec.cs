using System.Globalization;
using System.Text.Json.Nodes;

namespace KubeBind.DevApiServer.Apply;

/// <summary>Reads and writes <c>metadata.managedFields</c>.</summary>
internal static class ManagedFieldsCodec
{
    private const string FieldsType = "FieldsV1";

    /// <summary>Returns whether a client asks to clear managed fields: an empty list, or a list of one empty entry.</summary>
    public static bool IsReset(JsonNode? managedFields) =>
        managedFields is JsonArray list && (list.Count == 0 || (list.Count == 1 && list[0] is JsonObject { Count: 0 }));

    /// <summary>Decodes entries; false when anything is malformed, which callers treat like kube (fall back or reset).</summary>
    public static bool TryDecode(JsonNode? managedFields, out List<ManagedFieldsEntry> entries)
    {
        entries = [];
        if (managedFields is null)
        {
            return true;
        }

        if (managedFields is not JsonArray list)
        {
            return false;
        }

        foreach (var item in list)
        {
            var entry = TryDecodeEntry(item);
            if (entry is null)
            {
                return false;
            }

            // A repeated identity overwrites the earlier one, as kube's map of managers does.
            entries.RemoveAll(e => e.Identifier == entry.Identifier);
            entries.Add(entry);
        }

        return true;
    }

    /// <summary>Encodes entries in kube's order: Apply before Update, then by time, manager, apiVersion and subresource.</summary>
    public static JsonArray Encode(IEnumerable<ManagedFieldsEntry> entries)
    {
        var sorted = entries
            .OrderBy(e => e.Operation, StringComparer.Ordinal)
            .ThenBy(e => e.Time?.ToUnixTimeSeconds() ?? 0)
            .ThenBy(e => e.Manager, StringComparer.Ordinal)
            .ThenBy(e => e.ApiVersion ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(e => e.Subresource ?? string.Empty, StringComparer.Ordinal);
        var result = new JsonArray();
        foreach (var entry in sorted)
        {
            var encoded = new JsonObject();
            if (!string.IsNullOrEmpty(entry.Manager))
            {
                encoded["manager"] = entry.Manager;
            }

            encoded["operation"] = entry.Operation;
            if (!string.IsNullOrEmpty(entry.ApiVersion))
            {
                encoded["apiVersion"] = entry.ApiVersion;
            }

            if (entry.Time is { } time)
            {
                encoded["time"] = FormatTime(time);
            }

            encoded["fieldsType"] = FieldsType;
            encoded["fieldsV1"] = entry.Fields.ToFieldsV1();
            if (!string.IsNullOrEmpty(entry.Subresource))
            {
                encoded["subresource"] = entry.Subresource;
            }

            result.Add(encoded);
        }

        return result;
    }

    /// <summary>Formats a time as metav1.Time does: RFC 3339, whole seconds, UTC.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static ManagedFieldsEntry? TryDecodeEntry(JsonNode? item)
    {
        if (item is not JsonObject entry)
        {
            return null;
        }

        var operation = JsonValues.AsString(entry["operation"]);
        if (operation is not (ManagedFieldsEntry.ApplyOperation or ManagedFieldsEntry.UpdateOperation) ||
            JsonValues.AsString(entry["fieldsType"]) != FieldsType ||
            !TryOptionalString(entry, "manager", out var manager) ||
            !TryOptionalString(entry, "apiVersion", out var apiVersion) ||
            !TryOptionalString(entry, "subresource", out var subresource) ||
            !TryTime(entry["time"], out var time))
        {
            return null;
        }

        FieldSet fields;
        switch (entry["fieldsV1"])
        {
            case null:
                fields = new FieldSet();
                break;
            case JsonObject fieldsV1:
                try
                {
                    fields = FieldSet.FromFieldsV1(fieldsV1);
                }
                catch (FormatException)
                {
                    return null;
                }

                break;
            default:
                return null;
        }

        return new ManagedFieldsEntry
        {
            Manager = manager ?? string.Empty,
            Operation = operation,
            ApiVersion = apiVersion,
            Time = time,
            Subresource = string.IsNullOrEmpty(subresource) ? null : subresource,
            Fields = fields,
        };
    }

    private static bool TryOptionalString(JsonObject entry, string name, out string? value)
    {
        var node = entry[name];
        value = JsonValues.AsString(node);
        return node is null || value is not null;
    }

    private static bool TryTime(JsonNode? node, out DateTimeOffset? time)
    {
        time = null;
        if (node is null)
        {
            return true;
        }

        var text = JsonValues.AsString(node);
        if (text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            time = parsed;
            return true;
        }

        return false;
    }
}
