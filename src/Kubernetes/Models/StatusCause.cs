using System.Text.Json.Serialization;

namespace KubeBind.Kubernetes.Models;

/// <summary>One cause of a failure, such as an invalid field or a server-side apply conflict.</summary>
public sealed record StatusCause
{
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("field")]
    public string? Field { get; init; }
}
