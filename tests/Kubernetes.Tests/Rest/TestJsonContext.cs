using System.Text.Json.Serialization;

namespace KubeBind.Kubernetes.Tests.Rest;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TypedConfigMap))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
