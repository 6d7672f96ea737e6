using System.Globalization;
using System.Text.Json;

namespace KubeBind.Queues.Listening;

/// <summary>
/// Reads <c>extensions.queues</c> of an Azure Functions host.json into <see cref="QueueListenerOptions"/>, so standalone
/// mode runs with the settings the Functions host gets. Names are matched case-insensitively, as the host does;
/// settings the listener does not have are ignored.
/// </summary>
public static class HostJsonQueueSettings
{
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Reads the host.json file at <paramref name="path"/>; settings it does not name keep their defaults.</summary>
    public static QueueListenerOptions Read(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses host.json text; a <see cref="FormatException"/> names the setting that is wrong and where.</summary>
    public static QueueListenerOptions Parse(string json, string source = "host.json")
    {
        var options = new QueueListenerOptions();
        try
        {
            using var document = JsonDocument.Parse(json, Lenient);
            if (Property(document.RootElement, "extensions") is { } extensions && Property(extensions, "queues") is { } queues)
            {
                foreach (var setting in queues.EnumerateObject())
                {
                    Apply(options, setting);
                }
            }

            options.Validate();
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source} is not valid JSON: {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"{source}: {e.Message}", e);
        }

        return options;
    }

    private static void Apply(QueueListenerOptions options, JsonProperty setting)
    {
        switch (setting.Name.ToUpperInvariant())
        {
            case "BATCHSIZE":
                options.BatchSize = Integer(setting);
                break;
            case "NEWBATCHTHRESHOLD":
                options.NewBatchThreshold = Integer(setting);
                break;
            case "MAXDEQUEUECOUNT":
                options.MaxDequeueCount = Integer(setting);
                break;
            case "MAXPOLLINGINTERVAL":
                options.MaxPollingInterval = Duration(setting);
                break;
            case "VISIBILITYTIMEOUT":
                options.VisibilityTimeout = Duration(setting);
                break;
            case "MESSAGEENCODING":
                options.MessageEncoding = setting.Value.ValueKind == JsonValueKind.String && Enum.TryParse<QueueMessageEncoding>(setting.Value.GetString(), ignoreCase: true, out var encoding)
                    ? encoding
                    : throw Invalid(setting, "must be \"base64\" or \"none\"");
                break;
        }
    }

    private static int Integer(JsonProperty setting) =>
        setting.Value.ValueKind == JsonValueKind.Number && setting.Value.TryGetInt32(out var value) ? value : throw Invalid(setting, "must be a whole number");

    /// <summary>A TimeSpan string (<c>00:00:02</c>), or a number of milliseconds as Functions 1.x wrote it.</summary>
    private static TimeSpan Duration(JsonProperty setting)
    {
        if (setting.Value.ValueKind == JsonValueKind.Number && setting.Value.TryGetInt64(out var milliseconds))
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        // Demand the colons: TimeSpan reads a bare "2" as two days.
        var text = setting.Value.ValueKind == JsonValueKind.String ? setting.Value.GetString() : null;
        return text is not null && text.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var duration)
            ? duration
            : throw Invalid(setting, "must be a duration like \"00:00:02\" (hh:mm:ss)");
    }

    private static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static ArgumentException Invalid(JsonProperty setting, string problem) =>
        new($"extensions.queues.{setting.Name} {problem}, not {setting.Value.GetRawText()}");
}
