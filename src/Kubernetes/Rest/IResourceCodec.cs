using System.Text.Json.Nodes;

namespace KubeBind.Kubernetes.Rest;

/// <summary>Turns wire JSON into the caller's type and back: JsonObject for dynamic access, records for typed access.</summary>
public interface IResourceCodec<T>
{
    T Decode(JsonObject json);

    JsonObject Encode(T value);
}
