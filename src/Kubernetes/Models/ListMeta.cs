using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeBind.Kubernetes.Models;

/// <summary>meta/v1 ListMeta: the version and paging state of a list; other fields survive in <see cref="Extra"/>.</summary>
public sealed record ListMeta
{
    /// <summary>The resourceVersion to watch from after this list.</summary>
    [JsonPropertyName("resourceVersion")]
    public string? ResourceVersion { get; init; }

    /// <summary>The token for the next page, if any.</summary>
    [JsonPropertyName("continue")]
    public string? Continue { get; init; }

    /// <summary>How many items the following pages hold, when the server knows.</summary>
    [JsonPropertyName("remainingItemCount")]
    public long? RemainingItemCount { get; init; }

    /// <summary>selfLink and anything else, kept verbatim.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
