using System.Text.Json;
using System.Text.Json.Serialization;
using KubeBind.Api.Conditions;

namespace KubeBind.Api.V1Alpha2;

/// <summary>How far an APIServiceExportRequest got.</summary>
public sealed record ApiServiceExportRequestStatus
{
    /// <summary><c>Pending</c>, <c>Failed</c> or <c>Succeeded</c>.</summary>
    [JsonPropertyName("phase")]
    public string? Phase { get; init; }

    /// <summary>Why the request reached a terminal phase.</summary>
    [JsonPropertyName("terminalMessage")]
    public string? TerminalMessage { get; init; }

    /// <summary>Cluster-API-style conditions, <c>Ready</c> first.</summary>
    [JsonPropertyName("conditions")]
    public IReadOnlyList<Condition> Conditions { get; init; } = [];

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
