using System.Text.Json.Serialization;

namespace KubeBind.Api.Queues;

/// <summary>Source-generated serialization of the queue message contracts.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ReconcileMessage))]
internal sealed partial class QueueJsonContext : JsonSerializerContext;
