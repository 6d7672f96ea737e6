namespace KubeBind.Kubernetes.Config;

/// <summary>How to find and pick from kubeconfigs, like kubectl's <c>--kubeconfig</c>, <c>--context</c> and friends.</summary>
public sealed record KubeconfigOptions
{
    /// <summary>Explicit kubeconfig files (<c>--kubeconfig</c>); when set, <c>KUBECONFIG</c> and the default are ignored and the files must exist.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>The context to use instead of <c>current-context</c> (<c>--context</c>).</summary>
    public string? Context { get; init; }

    /// <summary>The cluster entry to use instead of the context's (<c>--cluster</c>).</summary>
    public string? Cluster { get; init; }

    /// <summary>The user entry to use instead of the context's (<c>--user</c>).</summary>
    public string? User { get; init; }

    /// <summary>The namespace to use instead of the context's (<c>--namespace</c>).</summary>
    public string? Namespace { get; init; }

    /// <summary>Reads environment variables (<c>KUBECONFIG</c>, <c>HOME</c>, and the exec plugins' environment).</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>The home directory holding <c>.kube/config</c>; null takes it from the environment.</summary>
    public string? HomeDirectory { get; init; }

    /// <summary>The clock for token-file and exec credential caches.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
