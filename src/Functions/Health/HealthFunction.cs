using System.Text.Json.Serialization;

namespace KubeBind.Functions.Health;

/// <summary>One catalog entry as <see cref="HealthReport"/> lists it.</summary>
internal sealed record HealthFunction
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary><c>queue</c> or <c>http</c>.</summary>
    [JsonPropertyName("trigger")]
    public required string Trigger { get; init; }

    [JsonPropertyName("queue")]
    public string? Queue { get; init; }

    [JsonPropertyName("path")]
    public string? Path { get; init; }

    [JsonPropertyName("methods")]
    public IReadOnlyList<string>? Methods { get; init; }
}
