using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.Queues;

/// <summary>
/// A queue message asking a reconciler to look at one object. It carries the object's key and what caused the
/// message, never the object: delivery is at-least-once and unordered, so handlers always read fresh state.
/// </summary>
public sealed record ReconcileMessage
{
    /// <summary>The kind of the object to reconcile, e.g. <c>APIServiceExportRequest</c>.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; init; } = "";

    /// <summary>The object's namespace; absent for cluster-scoped objects.</summary>
    [JsonPropertyName("namespace")]
    public string? Namespace { get; init; }

    /// <summary>The object's name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>The event that produced this message, for logs and metrics; handlers must not depend on it.</summary>
    [JsonPropertyName("cause")]
    public MessageCause? Cause { get; init; }

    /// <summary>Fields a newer sender added, kept on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>The object's key, <c>namespace/name</c> or <c>name</c>, as informers and logs write it.</summary>
    [JsonIgnore]
    public string Key => string.IsNullOrEmpty(Namespace) ? Name : $"{Namespace}/{Name}";

    /// <summary>Serializes the message to the JSON text put on the queue.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, QueueJsonContext.Default.ReconcileMessage);

    /// <summary>Parses a message's JSON text; throws <see cref="FormatException"/> when it is not a reconcile message.</summary>
    public static ReconcileMessage Parse(string json)
    {
        ReconcileMessage? message;
        try
        {
            message = JsonSerializer.Deserialize(json, QueueJsonContext.Default.ReconcileMessage);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The queue message is not JSON: {e.Message}", e);
        }

        // Absent fields read as null despite their "" initializers (source-generated init-only properties, dotnet/runtime#84484).
        if (message is null || string.IsNullOrEmpty(message.Kind) || string.IsNullOrEmpty(message.Name))
        {
            throw new FormatException("The queue message lacks \"kind\" or \"name\".");
        }

        return message;
    }
}
