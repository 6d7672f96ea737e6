using System.Text.Json.Nodes;
using KubeBind.Kubernetes.Models;

namespace KubeBind.Kubernetes.Caching;

/// <summary>Cache keys as client-go writes them: <c>namespace/name</c>, or <c>name</c> for cluster-scoped objects.</summary>
public static class ObjectKeys
{
    public static string Key(string? ns, string name) => string.IsNullOrEmpty(ns) ? name : $"{ns}/{name}";

    /// <summary>The uid of a JsonObject or an <see cref="IKubernetesObject"/> (empty when unknown).</summary>
    public static string UidOf<T>(T obj) => obj switch
    {
        JsonObject json => (json["metadata"] as JsonObject)?["uid"]?.GetValue<string>() ?? string.Empty,
        IKubernetesObject typed => typed.Metadata.Uid ?? string.Empty,
        _ => string.Empty,
    };

    /// <summary>The key, namespace and resourceVersion of a JsonObject or an <see cref="IKubernetesObject"/>.</summary>
    public static (string Key, string? Namespace, string ResourceVersion) Of<T>(T obj) => obj switch
    {
        JsonObject json when json["metadata"] is JsonObject m =>
            (Key(m["namespace"]?.GetValue<string>(), m["name"]?.GetValue<string>() ?? string.Empty), m["namespace"]?.GetValue<string>(), m["resourceVersion"]?.GetValue<string>() ?? string.Empty),
        IKubernetesObject typed =>
            (Key(typed.Metadata.Namespace, typed.Metadata.Name ?? string.Empty), typed.Metadata.Namespace, typed.Metadata.ResourceVersion ?? string.Empty),
        _ => throw new ArgumentException($"{typeof(T).Name} is neither a JsonObject with metadata nor an IKubernetesObject", nameof(obj)),
    };
}
