namespace KubeBind.Kubernetes.Config;

/// <summary>One environment variable of an exec plugin.</summary>
/// <param name="Name">The variable's name.</param>
/// <param name="Value">The variable's value.</param>
public sealed record KubeconfigExecEnv(string Name, string Value);
