using System.Text.Json.Nodes;
using KubeBind.Kubernetes.Models;

namespace KubeBind.WatchBridge.Routing;

/// <summary>The namespace (null when cluster-scoped) and name of an object: all a queue message carries of it.</summary>
internal readonly record struct ObjectName(string? Namespace, string Name)
{
    /// <summary>The name of a typed object or a <see cref="JsonObject"/> with metadata.</summary>
    public static ObjectName Of<T>(T obj) => obj switch
    {
        IKubernetesObject typed => new(Normalize(typed.Metadata.Namespace), typed.Metadata.Name ?? string.Empty),
        JsonObject json when json["metadata"] is JsonObject metadata =>
            new(Normalize(metadata["namespace"]?.GetValue<string>()), metadata["name"]?.GetValue<string>() ?? string.Empty),
        _ => throw new ArgumentException($"{typeof(T).Name} is neither a JsonObject with metadata nor an IKubernetesObject", nameof(obj)),
    };

    /// <summary>The cache key, <c>namespace/name</c> or <c>name</c>.</summary>
    public override string ToString() => Namespace is null ? Name : $"{Namespace}/{Name}";

    private static string? Normalize(string? ns) => string.IsNullOrEmpty(ns) ? null : ns;
}
