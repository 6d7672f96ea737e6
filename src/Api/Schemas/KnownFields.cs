using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using KubeBind.Api.V1Alpha2;

namespace KubeBind.Api.Schemas;

/// <summary>Copies JSON keeping only the fields a v1alpha2 record declares, as Go's decoder drops the rest.</summary>
internal static class KnownFields
{
    /// <summary>A copy of <paramref name="node"/> with every field <paramref name="type"/> (recursively) does not name removed.</summary>
    public static JsonNode? Keep(JsonNode? node, Type type)
    {
        var info = ApiJson.Options.GetTypeInfo(type);
        switch (info.Kind, node)
        {
            case (JsonTypeInfoKind.Object, JsonObject source):
                var target = new JsonObject();
                foreach (var property in info.Properties)
                {
                    if (!property.IsExtensionData && source.TryGetPropertyValue(property.Name, out var value))
                    {
                        target[property.Name] = Keep(value, property.PropertyType);
                    }
                }

                return target;
            case (JsonTypeInfoKind.Enumerable, JsonArray items) when info.ElementType is { } element:
                return new JsonArray([.. items.Select(item => Keep(item, element))]);
            default:
                // Scalars and free-form JSON (a schema, parameters) are copied verbatim.
                return node?.DeepClone();
        }
    }

    /// <summary><paramref name="value"/> as JSON without its unknown (<c>Extra</c>) fields.</summary>
    public static JsonNode? Of<T>(T value) =>
        Keep(System.Text.Json.JsonSerializer.SerializeToNode(value, ApiJson.TypeInfo<T>()), typeof(T));
}
