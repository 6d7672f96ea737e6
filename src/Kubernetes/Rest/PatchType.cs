namespace KubeBind.Kubernetes.Rest;

/// <summary>The patch formats kube-apiserver accepts.</summary>
public enum PatchType
{
    /// <summary>RFC 7386 JSON merge patch.</summary>
    Merge,

    /// <summary>RFC 6902 JSON patch.</summary>
    Json,

    /// <summary>Strategic merge patch (built-in types only).</summary>
    StrategicMerge,

    /// <summary>Server-side apply; prefer <see cref="ResourceClient{T}.ApplyAsync"/>.</summary>
    Apply,
}
