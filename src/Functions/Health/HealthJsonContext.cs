using System.Text.Json.Serialization;

namespace KubeBind.Functions.Health;

/// <summary>Source-generated JSON of the health report.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HealthReport))]
internal sealed partial class HealthJsonContext : JsonSerializerContext;
