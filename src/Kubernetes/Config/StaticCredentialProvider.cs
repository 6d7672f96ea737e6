using System.Net.Http.Headers;
using System.Text;

namespace KubeBind.Kubernetes.Config;

/// <summary>Credentials that never change: a kubeconfig's <c>token</c>, <c>username</c>/<c>password</c> or client certificate.</summary>
public sealed class StaticCredentialProvider : ICredentialProvider
{
    private readonly Credential _credential;

    /// <summary>Creates a provider that always returns <paramref name="credential"/>.</summary>
    public StaticCredentialProvider(Credential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        _credential = credential;
    }

    /// <summary>A provider of a static bearer token.</summary>
    public static StaticCredentialProvider Bearer(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        return new(Credential.Bearer(token));
    }

    /// <summary>A provider of HTTP basic authentication.</summary>
    public static StaticCredentialProvider Basic(string username, string password)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(password);
        return new(new Credential(new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")))));
    }

    /// <inheritdoc />
    public ValueTask<Credential> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_credential);

    /// <inheritdoc />
    public void Invalidate()
    {
        // Nothing to refresh: a static credential the server rejects stays rejected.
    }
}
