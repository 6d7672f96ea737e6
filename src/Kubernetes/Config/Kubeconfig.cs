namespace KubeBind.Kubernetes.Config;

/// <summary>
/// A kubeconfig file (<c>apiVersion: v1, kind: Config</c>) that can be read, built in code and written so kubectl reads it.
/// </summary>
public sealed record Kubeconfig
{
    /// <summary>The context kubectl uses by default (<c>current-context</c>).</summary>
    public string? CurrentContext { get; init; }

    /// <summary>The cluster entries.</summary>
    public IReadOnlyList<NamedCluster> Clusters { get; init; } = [];

    /// <summary>The user entries.</summary>
    public IReadOnlyList<NamedUser> Users { get; init; } = [];

    /// <summary>The context entries.</summary>
    public IReadOnlyList<NamedContext> Contexts { get; init; } = [];

    /// <summary>A one-context kubeconfig for a server, its CA and a bearer token, as handed to consumers.</summary>
    public static Kubeconfig ForToken(string name, Uri server, string? certificateAuthorityPem, string token, string? @namespace = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(server);
        ArgumentException.ThrowIfNullOrEmpty(token);
        return new Kubeconfig
        {
            CurrentContext = name,
            Clusters = [new NamedCluster(name, new KubeconfigCluster
            {
                Server = server.ToString(),
                CertificateAuthorityData = certificateAuthorityPem is null ? null : Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(certificateAuthorityPem)),
            })],
            Users = [new NamedUser(name, new KubeconfigUser { Token = token })],
            Contexts = [new NamedContext(name, new KubeconfigContext { Cluster = name, User = name, Namespace = @namespace })],
        };
    }

    /// <summary>Parses kubeconfig YAML; <paramref name="path"/> only names the source in errors.</summary>
    public static Kubeconfig Parse(string yaml, string? path = null) => KubeconfigYaml.Parse(yaml, path);

    /// <summary>Reads a kubeconfig file as written, without resolving relative paths.</summary>
    public static Kubeconfig Load(string path) => KubeconfigYaml.Parse(File.ReadAllText(path), path);

    /// <summary>The kubeconfig as YAML kubectl reads.</summary>
    public string ToYaml() => KubeconfigYaml.Serialize(this);

    /// <summary>Writes the kubeconfig atomically (temporary file, then rename) with mode 0600.</summary>
    public void Save(string path) => KubeconfigFileWriter.WriteAtomically(path, ToYaml());

    /// <summary>
    /// Adds or replaces one cluster, user and context (by name) in the kubeconfig at <paramref name="path"/>, creating it
    /// when missing and keeping everything else in it; optionally makes the context current. Writes atomically, mode 0600.
    /// </summary>
    public static void MergeIntoFile(string path, NamedCluster? cluster, NamedUser? user, NamedContext? context, bool setCurrentContext = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (setCurrentContext && context is null)
        {
            throw new ArgumentException("setting the current context needs a context", nameof(setCurrentContext));
        }

        var existing = File.Exists(path) ? File.ReadAllText(path) : null;
        var merged = KubeconfigYaml.MergeEntries(existing, path, cluster, user, context, setCurrentContext ? context!.Name : null);
        KubeconfigFileWriter.WriteAtomically(path, merged);
    }
}
