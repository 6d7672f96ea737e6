namespace KubeBind.Kubernetes.Config;

/// <summary>Where a pod finds its API server and service account; the defaults are what the kubelet provides.</summary>
public sealed record InClusterOptions
{
    /// <summary>The mounted service-account directory holding <c>token</c>, <c>ca.crt</c> and <c>namespace</c>.</summary>
    public string ServiceAccountDirectory { get; init; } = "/var/run/secrets/kubernetes.io/serviceaccount";

    /// <summary>Reads <c>KUBERNETES_SERVICE_HOST</c>, <c>KUBERNETES_SERVICE_PORT</c> and <c>POD_NAMESPACE</c>.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>The clock for re-reading the rotating token.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
