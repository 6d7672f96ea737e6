using System.Text.Json.Serialization;

namespace KubeBind.Kubernetes.Models;

/// <summary>The details of a Status: which object, and the causes (e.g. one per invalid field).</summary>
public sealed record StatusDetails
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("group")]
    public string? Group { get; init; }

    [JsonPropertyName("kind")]
    public string? Kind { get; init; }

    [JsonPropertyName("uid")]
    public string? Uid { get; init; }

    [JsonPropertyName("causes")]
    public IReadOnlyList<StatusCause> Causes { get; init; } = [];

    [JsonPropertyName("retryAfterSeconds")]
    public int RetryAfterSeconds { get; init; }
}
