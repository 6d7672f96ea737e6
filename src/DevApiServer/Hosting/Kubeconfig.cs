using System.Text;

namespace KubeBind.DevApiServer.Hosting;

/// <summary>Writes the kubeconfig kubectl and our clients use: one cluster (with CA data), one token user, one context.</summary>
public static class Kubeconfig
{
    public static string Render(ApiServerClientConfig config, string name, string defaultNamespace = "default")
    {
        var builder = new StringBuilder();
        builder.AppendLine("apiVersion: v1");
        builder.AppendLine("kind: Config");
        builder.AppendLine("clusters:");
        builder.AppendLine($"- name: {name}");
        builder.AppendLine("  cluster:");
        builder.AppendLine($"    server: {config.Server.ToString().TrimEnd('/')}");
        if (config.CertificateAuthorityPem is not null)
        {
            builder.AppendLine($"    certificate-authority-data: {Convert.ToBase64String(Encoding.UTF8.GetBytes(config.CertificateAuthorityPem))}");
        }

        builder.AppendLine("contexts:");
        builder.AppendLine($"- name: {name}");
        builder.AppendLine("  context:");
        builder.AppendLine($"    cluster: {name}");
        builder.AppendLine($"    user: {name}-admin");
        builder.AppendLine($"    namespace: {defaultNamespace}");
        builder.AppendLine($"current-context: {name}");
        builder.AppendLine("users:");
        builder.AppendLine($"- name: {name}-admin");
        builder.AppendLine("  user:");
        builder.AppendLine($"    token: {config.BearerToken}");
        return builder.ToString();
    }

    /// <summary>Writes atomically (temp file, then rename) so a watcher never sees half a kubeconfig.</summary>
    public static async Task WriteAsync(string path, string content, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp-" + Environment.ProcessId;
        await File.WriteAllTextAsync(temp, content, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temp, full, overwrite: true);
    }
}
