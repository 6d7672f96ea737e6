using System.Text.Json.Serialization;

namespace KubeBind.Functions.Health;

/// <summary>What <c>GET /api/healthz</c> answers: the app is up, its version and mode, and the functions it serves.</summary>
internal sealed record HealthReport
{
    [JsonPropertyName("status")]
    public string Status { get; init; } = "ok";

    [JsonPropertyName("version")]
    public required string Version { get; init; }

    [JsonPropertyName("mode")]
    public required string Mode { get; init; }

    [JsonPropertyName("functions")]
    public IReadOnlyList<HealthFunction> Functions { get; init; } = [];
}
