namespace KubeBind.Kubernetes.Config;

/// <summary>A cluster entry checked and read: its URL, CA PEM and proxy, and the form exec plugins are told about.</summary>
internal sealed record ResolvedCluster(Uri Server, string? CertificateAuthorityPem, Uri? Proxy, KubeconfigCluster ForExec);
