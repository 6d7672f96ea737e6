namespace KubeBind.Kubernetes.Config;

/// <summary>A kubeconfig (or in-cluster configuration) that cannot be used, naming the file, context and field at fault.</summary>
public sealed class KubeconfigException : Exception
{
    /// <summary>Creates the exception; the message is prefixed with the file.</summary>
    public KubeconfigException(string? path, string? context, string? field, string problem, Exception? innerException = null)
        : base(path is null ? problem : $"kubeconfig {path}: {problem}", innerException)
    {
        Path = path;
        Context = context;
        Field = field;
    }

    /// <summary>The file at fault, when one is.</summary>
    public string? Path { get; }

    /// <summary>The context being loaded, when one was chosen.</summary>
    public string? Context { get; }

    /// <summary>The kubeconfig field at fault (<c>users[admin].client-key-data</c>), when one is.</summary>
    public string? Field { get; }
}
