using System.Text.Json;
using System.Text.Json.Serialization;
using KubeBind.Kubernetes.Models;

namespace KubeBind.Api.Conditions;

/// <summary>A Cluster-API-style condition as vendored in kube-bind's sdk (<c>sdk/apis/third_party/conditions</c>).</summary>
/// <remarks>Empty <see cref="Severity"/>, <see cref="Reason"/> and <see cref="Message"/> are stored as null, because Go omits them when empty.</remarks>
public sealed record Condition
{
    /// <summary>The condition type, e.g. <c>Ready</c> or <c>SecretValid</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "";

    /// <summary>One of <see cref="ConditionStatus"/>: <c>True</c>, <c>False</c> or <c>Unknown</c>.</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = "";

    /// <summary>One of <see cref="ConditionSeverity"/> when the status is False; null otherwise.</summary>
    [JsonPropertyName("severity")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Severity { get; init => field = NullIfEmpty(value); }

    /// <summary>When the status, reason, severity or message last changed; written as <c>null</c> when unset, like Go's zero metav1.Time.</summary>
    [JsonPropertyName("lastTransitionTime")]
    [JsonConverter(typeof(TimeJsonConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public DateTimeOffset? LastTransitionTime { get; init; }

    /// <summary>A CamelCase reason for the last transition.</summary>
    [JsonPropertyName("reason")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init => field = NullIfEmpty(value); }

    /// <summary>A human-readable description of the last transition.</summary>
    [JsonPropertyName("message")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; init => field = NullIfEmpty(value); }

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: the serializer's extension-data support needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>A True condition of <paramref name="type"/> with no reason, severity or message (upstream TrueCondition).</summary>
    public static Condition True(string type) => new() { Type = type, Status = ConditionStatus.True };

    /// <summary>A False condition of <paramref name="type"/> (upstream FalseCondition).</summary>
    public static Condition False(string type, string reason, string severity, string message) =>
        new() { Type = type, Status = ConditionStatus.False, Reason = reason, Severity = severity, Message = message };

    /// <summary>An Unknown condition of <paramref name="type"/>, without severity (upstream UnknownCondition).</summary>
    public static Condition Unknown(string type, string reason, string message) =>
        new() { Type = type, Status = ConditionStatus.Unknown, Reason = reason, Message = message };

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
