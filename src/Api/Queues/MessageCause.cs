using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Api.Queues;

/// <summary>The watch event (or resync) that made the bridge send a <see cref="ReconcileMessage"/>.</summary>
public sealed record MessageCause
{
    /// <summary><c>Added</c>, <c>Modified</c>, <c>Deleted</c> or <c>Resync</c>.</summary>
    [JsonPropertyName("event")]
    public string Event { get; init; } = "";

    /// <summary>The kind of the object the event was about.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; init; } = "";

    /// <summary>That object's namespace, if any.</summary>
    [JsonPropertyName("namespace")]
    public string? Namespace { get; init; }

    /// <summary>That object's name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>That object's resourceVersion when the event was seen.</summary>
    [JsonPropertyName("resourceVersion")]
    public string? ResourceVersion { get; init; }

    /// <summary>Fields a newer sender added, kept on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
