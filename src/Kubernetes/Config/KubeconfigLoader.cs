using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KubeBind.Kubernetes.Config;

/// <summary>
/// Loads a <see cref="KubernetesConfiguration"/> from kubeconfig files the way kubectl does: <c>--kubeconfig</c>, else
/// every file in <c>KUBECONFIG</c> merged (first to set a name or current-context wins), else <c>~/.kube/config</c>.
/// </summary>
public static class KubeconfigLoader
{
    /// <summary>Loads the chosen (or current) context of the merged kubeconfigs.</summary>
    public static KubernetesConfiguration Load(KubeconfigOptions? options = null)
    {
        options ??= new KubeconfigOptions();
        var paths = FindFiles(options);
        var merged = Merge(paths);
        return Resolve(merged, options, string.Join(Path.PathSeparator, paths));
    }

    /// <summary>The files kubectl would read, in precedence order.</summary>
    public static IReadOnlyList<string> FindFiles(KubeconfigOptions? options = null)
    {
        options ??= new KubeconfigOptions();
        if (options.Paths.Count > 0)
        {
            foreach (var path in options.Paths)
            {
                if (!File.Exists(path))
                {
                    throw new KubeconfigException(path, null, null, "file does not exist");
                }
            }

            return options.Paths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToList();
        }

        if (options.Environment("KUBECONFIG") is { Length: > 0 } list)
        {
            // Missing files in KUBECONFIG are skipped, as in client-go; only the ones present are merged.
            var separator = OperatingSystem.IsWindows() ? ';' : ':';
            var files = list.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).Where(File.Exists).ToList();
            return files.Count > 0 ? files : throw new KubeconfigException(null, null, "KUBECONFIG", $"none of the files in KUBECONFIG ({list}) exist");
        }

        var home = options.HomeDirectory ?? options.Environment("HOME") ?? options.Environment("USERPROFILE")
            ?? throw new KubeconfigException(null, null, null, "no kubeconfig: KUBECONFIG is not set and there is no home directory");
        var fallback = Path.Combine(home, ".kube", "config");
        return File.Exists(fallback) ? [fallback] : throw new KubeconfigException(fallback, null, null, "file does not exist (and KUBECONFIG is not set)");
    }

    private static MergedKubeconfig Merge(IReadOnlyList<string> paths)
    {
        var merged = new MergedKubeconfig();
        foreach (var path in paths)
        {
            Kubeconfig file;
            try
            {
                file = Kubeconfig.Load(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new KubeconfigException(path, null, null, $"cannot be read: {e.Message}", e);
            }

            var directory = Path.GetDirectoryName(path)!;
            if (merged.CurrentContext is null && !string.IsNullOrEmpty(file.CurrentContext))
            {
                merged.CurrentContext = new Sourced<string>(file.CurrentContext, path);
            }

            foreach (var (name, cluster) in file.Clusters)
            {
                merged.Clusters.TryAdd(name, new Sourced<KubeconfigCluster>(cluster with { CertificateAuthority = Absolute(directory, cluster.CertificateAuthority) }, path));
            }

            foreach (var (name, user) in file.Users)
            {
                var exec = user.Exec is { Command: { } command } e && command.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    ? e with { Command = Absolute(directory, command) }
                    : user.Exec;
                merged.Users.TryAdd(name, new Sourced<KubeconfigUser>(user with
                {
                    TokenFile = Absolute(directory, user.TokenFile),
                    ClientCertificate = Absolute(directory, user.ClientCertificate),
                    ClientKey = Absolute(directory, user.ClientKey),
                    Exec = exec,
                }, path));
            }

            foreach (var (name, context) in file.Contexts)
            {
                merged.Contexts.TryAdd(name, new Sourced<KubeconfigContext>(context, path));
            }
        }

        return merged;
    }

    private static string? Absolute(string directory, string? path) =>
        string.IsNullOrEmpty(path) || Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(directory, path));

    private static KubernetesConfiguration Resolve(MergedKubeconfig merged, KubeconfigOptions options, string allPaths)
    {
        var contextName = options.Context ?? merged.CurrentContext?.Value;
        KubeconfigContext context;
        string contextPath;
        if (string.IsNullOrEmpty(contextName))
        {
            if (options.Cluster is null)
            {
                throw new KubeconfigException(allPaths, null, "current-context", "current-context is not set and no context was chosen");
            }

            context = new KubeconfigContext();
            contextPath = allPaths;
        }
        else if (merged.Contexts.TryGetValue(contextName, out var found))
        {
            (context, contextPath) = found;
        }
        else
        {
            var (path, field) = options.Context is null ? (merged.CurrentContext!.Path, "current-context") : (allPaths, "context");
            throw new KubeconfigException(path, contextName, field, $"context \"{contextName}\" is not defined");
        }

        var clusterName = options.Cluster ?? context.Cluster;
        if (string.IsNullOrEmpty(clusterName))
        {
            throw new KubeconfigException(contextPath, contextName, $"contexts[{contextName}].context.cluster", $"context \"{contextName}\" has no cluster");
        }

        if (!merged.Clusters.TryGetValue(clusterName, out var cluster))
        {
            throw options.Cluster is null
                ? new KubeconfigException(contextPath, contextName, $"contexts[{contextName}].context.cluster", $"context \"{contextName}\" refers to cluster \"{clusterName}\", which is not defined")
                : new KubeconfigException(allPaths, contextName, "cluster", $"cluster \"{clusterName}\" is not defined");
        }

        var userName = options.User ?? context.User;
        Sourced<KubeconfigUser>? user = null;
        if (!string.IsNullOrEmpty(userName) && !merged.Users.TryGetValue(userName, out user))
        {
            throw options.User is null
                ? new KubeconfigException(contextPath, contextName, $"contexts[{contextName}].context.user", $"context \"{contextName}\" refers to user \"{userName}\", which is not defined")
                : new KubeconfigException(allPaths, contextName, "user", $"user \"{userName}\" is not defined");
        }

        var clusterParts = ClusterResolver.Resolve(cluster.Value, clusterName, contextName, cluster.Path);
        var (credentials, certificate) = user is null
            ? (null, null)
            : UserResolver.Resolve(user.Value, userName!, contextName, user.Path, clusterParts.ForExec, options.TimeProvider);

        return new KubernetesConfiguration
        {
            Server = clusterParts.Server,
            CertificateAuthorityPem = clusterParts.CertificateAuthorityPem,
            InsecureSkipTlsVerify = cluster.Value.InsecureSkipTlsVerify,
            TlsServerName = cluster.Value.TlsServerName,
            Proxy = clusterParts.Proxy,
            ClientCertificate = certificate,
            Credentials = credentials,
            Namespace = options.Namespace ?? (string.IsNullOrEmpty(context.Namespace) ? "default" : context.Namespace),
            ContextName = contextName,
        };
    }
}
