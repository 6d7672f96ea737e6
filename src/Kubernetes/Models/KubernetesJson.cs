using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace KubeBind.Kubernetes.Models;

/// <summary>Serializer options over <see cref="KubernetesJsonContext"/> that keep declared defaults of missing properties.</summary>
public static class KubernetesJson
{
    /// <summary>The options; use <see cref="TypeInfo{T}"/> rather than the context's own metadata.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The metadata of <typeparamref name="T"/> under <see cref="Options"/>.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(KubernetesJsonContext.Default.Options)
        {
            TypeInfoResolver = KubernetesJsonContext.Default.WithAddedModifier(JsonDefaults.KeepDeclaredDefaults),
        };
        options.MakeReadOnly();
        return options;
    }
}
