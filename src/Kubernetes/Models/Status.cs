using System.Text.Json.Serialization;

namespace KubeBind.Kubernetes.Models;

/// <summary>The meta/v1 Status a server returns for failures (and some successes).</summary>
public sealed record Status
{
    [JsonPropertyName("kind")]
    public string? Kind { get; init; }

    [JsonPropertyName("apiVersion")]
    public string? ApiVersion { get; init; }

    /// <summary>"Success" or "Failure".</summary>
    [JsonPropertyName("status")]
    public string? Outcome { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>The machine-readable reason: NotFound, AlreadyExists, Conflict, Invalid, Forbidden, Expired, ...</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    [JsonPropertyName("details")]
    public StatusDetails? Details { get; init; }

    [JsonPropertyName("code")]
    public int Code { get; init; }
}
