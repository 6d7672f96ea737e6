using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using KubeBind.Api.Conditions;
using KubeBind.Kubernetes.Models;

namespace KubeBind.Api.V1Alpha2;

/// <summary>Serializer options that put v1alpha2 objects on the wire the way upstream's Go encoding does.</summary>
public static class ApiJson
{
    /// <summary>Options over <see cref="ApiJsonContext"/>: nulls and empty lists omitted, times in metav1.Time form.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serializes <paramref name="value"/> to JSON text.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, TypeInfo<T>());

    /// <summary>Deserializes JSON text into a <typeparamref name="T"/>.</summary>
    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize(json, TypeInfo<T>());

    /// <summary>The metadata of <typeparamref name="T"/> under <see cref="Options"/>.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(ApiJsonContext.Default.Options)
        {
            TypeInfoResolver = ApiJsonContext.Default
                .WithAddedModifier(OmitEmptyLists)
                .WithAddedModifier(JsonDefaults.KeepDeclaredDefaults),
        };
        options.Converters.Add(new TimeJsonConverter());
        options.MakeReadOnly();
        return options;
    }

    // Go's omitempty drops nil and empty slices; required lists upstream are never empty (minItems 1), so one rule fits
    // all but a list's items, which Go writes even when there are none.
    private static void OmitEmptyLists(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties)
        {
            if (property.Name != "items"
                && property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            {
                property.ShouldSerialize = static (_, value) => value is not (null or ICollection { Count: 0 });
            }
        }
    }
}
