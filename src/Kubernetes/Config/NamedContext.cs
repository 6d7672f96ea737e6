namespace KubeBind.Kubernetes.Config;

/// <summary>A context entry with its name.</summary>
/// <param name="Name">The entry's name.</param>
/// <param name="Context">The context.</param>
public sealed record NamedContext(string Name, KubeconfigContext Context);
