using System.Text.Json.Serialization;

namespace KubeBind.Functions.Hosting.CustomHandler;

/// <summary>Source-generated JSON of the custom-handler payloads; nulls are written, as the host's samples show them.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(InvocationResponse))]
internal sealed partial class CustomHandlerJsonContext : JsonSerializerContext;
