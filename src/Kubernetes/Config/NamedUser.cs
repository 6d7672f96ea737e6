namespace KubeBind.Kubernetes.Config;

/// <summary>A user entry with its name.</summary>
/// <param name="Name">The entry's name.</param>
/// <param name="User">The user.</param>
public sealed record NamedUser(string Name, KubeconfigUser User);
