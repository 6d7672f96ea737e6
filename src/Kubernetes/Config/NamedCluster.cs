namespace KubeBind.Kubernetes.Config;

/// <summary>A cluster entry with its name.</summary>
/// <param name="Name">The entry's name.</param>
/// <param name="Cluster">The cluster.</param>
public sealed record NamedCluster(string Name, KubeconfigCluster Cluster);
