namespace KubeBind.Kubernetes.Config;

/// <summary>A kubeconfig <c>cluster</c> entry: where the API server is and how to trust it.</summary>
public sealed record KubeconfigCluster
{
    /// <summary>The API server URL, possibly with a path prefix (<c>server</c>).</summary>
    public string? Server { get; init; }

    /// <summary>Path of a PEM CA bundle file (<c>certificate-authority</c>); relative paths resolve against the kubeconfig's directory.</summary>
    public string? CertificateAuthority { get; init; }

    /// <summary>The base64 of a PEM CA bundle (<c>certificate-authority-data</c>); wins over <see cref="CertificateAuthority"/>.</summary>
    public string? CertificateAuthorityData { get; init; }

    /// <summary>Skip server certificate verification (<c>insecure-skip-tls-verify</c>).</summary>
    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>The name to verify the server certificate against (<c>tls-server-name</c>).</summary>
    public string? TlsServerName { get; init; }

    /// <summary>An HTTP(S) or SOCKS5 proxy URL (<c>proxy-url</c>).</summary>
    public string? ProxyUrl { get; init; }
}
