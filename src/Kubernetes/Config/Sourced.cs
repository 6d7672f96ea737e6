namespace KubeBind.Kubernetes.Config;

/// <summary>A merged kubeconfig value with the file it came from, so errors name the right file.</summary>
internal sealed record Sourced<T>(T Value, string Path);
