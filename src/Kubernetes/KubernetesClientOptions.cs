using System.Reflection;
using System.Runtime.InteropServices;

namespace KubeBind.Kubernetes;

/// <summary>How a <see cref="KubernetesClient"/> behaves on the wire; every setting has a production default.</summary>
public sealed class KubernetesClientOptions
{
    /// <summary>Sent as User-Agent; kube-apiserver also derives default field managers from it.</summary>
    public string UserAgent { get; init; } = DefaultUserAgent();

    /// <summary>Sustained requests per second (client-side rate limit, like client-go's QPS); 0 disables limiting.</summary>
    public double Qps { get; init; } = 50;

    /// <summary>Requests allowed in a burst above <see cref="Qps"/>.</summary>
    public int Burst { get; init; } = 100;

    /// <summary>Timeout of one non-streaming request (watches are not limited).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after 429, and after 5xx or connection failures of idempotent requests.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>First retry delay; doubles per attempt, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan InitialRetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Replaces <see cref="KubernetesConfiguration.CreateHandler"/>, e.g. to inject a test handler.</summary>
    public HttpMessageHandler? MessageHandler { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    private static string DefaultUserAgent()
    {
        var process = Path.GetFileNameWithoutExtension(Environment.ProcessPath) ?? "kubebind";
        var version = typeof(KubernetesClientOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        return $"{process}/{version.Split('+')[0]} ({RuntimeInformation.OSDescription.Split(' ')[0].ToLowerInvariant()}/{RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()}) kubebind-kubernetes";
    }
}
