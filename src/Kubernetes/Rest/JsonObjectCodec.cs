using System.Text.Json.Nodes;

namespace KubeBind.Kubernetes.Rest;

/// <summary>Dynamic access: objects stay JsonObjects, so every field survives a round trip untouched.</summary>
public sealed class JsonObjectCodec : IResourceCodec<JsonObject>
{
    public static JsonObjectCodec Instance { get; } = new();

    public JsonObject Decode(JsonObject json) => json;

    public JsonObject Encode(JsonObject value) => value;
}
