namespace KubeBind.Kubernetes.Config;

/// <summary>A kubeconfig <c>exec</c> block: a command that prints an ExecCredential (client.authentication.k8s.io).</summary>
public sealed record KubeconfigExec
{
    /// <summary>The ExecCredential API version, <c>client.authentication.k8s.io/v1</c> or <c>v1beta1</c>.</summary>
    public string? ApiVersion { get; init; }

    /// <summary>The command to run; a relative path with a directory separator resolves against the kubeconfig's directory.</summary>
    public string? Command { get; init; }

    /// <summary>The command's arguments.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Extra environment variables for the command.</summary>
    public IReadOnlyList<KubeconfigExecEnv> Env { get; init; } = [];

    /// <summary>A hint shown when the command cannot be run (<c>installHint</c>).</summary>
    public string? InstallHint { get; init; }

    /// <summary>Pass the cluster in <c>KUBERNETES_EXEC_INFO</c> (<c>provideClusterInfo</c>).</summary>
    public bool ProvideClusterInfo { get; init; }

    /// <summary><c>Never</c>, <c>IfAvailable</c> or <c>Always</c>; required by v1, <c>IfAvailable</c> by default in v1beta1.</summary>
    public string? InteractiveMode { get; init; }
}
