namespace KubeBind.Kubernetes;

/// <summary>
/// Supplies the credentials of each request: a bearer token, basic auth or an exec plugin's output. Implementations
/// cache what they can (a token file until it changes, exec output until it expires) and are safe to call concurrently.
/// </summary>
public interface ICredentialProvider
{
    /// <summary>The credentials for the next request.</summary>
    ValueTask<Credential> GetAsync(CancellationToken cancellationToken);

    /// <summary>Forgets cached credentials after the server answered 401, so the next call fetches fresh ones.</summary>
    void Invalidate();
}
