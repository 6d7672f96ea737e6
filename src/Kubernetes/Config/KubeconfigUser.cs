namespace KubeBind.Kubernetes.Config;

/// <summary>A kubeconfig <c>user</c> (AuthInfo) entry: how requests authenticate.</summary>
public sealed record KubeconfigUser
{
    /// <summary>A static bearer token (<c>token</c>).</summary>
    public string? Token { get; init; }

    /// <summary>A file holding a bearer token, re-read when it changes (<c>tokenFile</c>).</summary>
    public string? TokenFile { get; init; }

    /// <summary>Path of a PEM client certificate (<c>client-certificate</c>).</summary>
    public string? ClientCertificate { get; init; }

    /// <summary>The base64 of a PEM client certificate (<c>client-certificate-data</c>).</summary>
    public string? ClientCertificateData { get; init; }

    /// <summary>Path of a PEM private key (<c>client-key</c>).</summary>
    public string? ClientKey { get; init; }

    /// <summary>The base64 of a PEM private key (<c>client-key-data</c>).</summary>
    public string? ClientKeyData { get; init; }

    /// <summary>The basic-auth user name (<c>username</c>).</summary>
    public string? Username { get; init; }

    /// <summary>The basic-auth password (<c>password</c>).</summary>
    public string? Password { get; init; }

    /// <summary>An exec credential plugin (<c>exec</c>).</summary>
    public KubeconfigExec? Exec { get; init; }

    /// <summary>The name of a legacy auth-provider plugin (<c>auth-provider.name</c>); not supported, kept to explain why.</summary>
    public string? AuthProvider { get; init; }
}
