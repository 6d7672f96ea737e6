using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace KubeBind.Kubernetes.Rest;

/// <summary>Typed access through source-generated System.Text.Json metadata (records keep unknown fields via [JsonExtensionData]).</summary>
public sealed class TypedCodec<T>(JsonTypeInfo<T> typeInfo) : IResourceCodec<T>
{
    public T Decode(JsonObject json) =>
        json.Deserialize(typeInfo) ?? throw new JsonException($"the server returned null for a {typeof(T).Name}");

    public JsonObject Encode(T value) =>
        JsonSerializer.SerializeToNode(value, typeInfo) as JsonObject ?? throw new JsonException($"{typeof(T).Name} does not serialize to a JSON object");
}
