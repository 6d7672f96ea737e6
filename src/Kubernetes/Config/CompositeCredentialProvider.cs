namespace KubeBind.Kubernetes.Config;

/// <summary>Combines providers, e.g. a client certificate with a token: the first Authorization and the first certificate win.</summary>
public sealed class CompositeCredentialProvider : ICredentialProvider
{
    private readonly IReadOnlyList<ICredentialProvider> _providers;

    /// <summary>Creates a provider that asks <paramref name="providers"/> in order.</summary>
    public CompositeCredentialProvider(IReadOnlyList<ICredentialProvider> providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        _providers = providers;
    }

    /// <inheritdoc />
    public async ValueTask<Credential> GetAsync(CancellationToken cancellationToken)
    {
        var result = Credential.None;
        foreach (var provider in _providers)
        {
            var credential = await provider.GetAsync(cancellationToken).ConfigureAwait(false);
            result = new Credential(result.Authorization ?? credential.Authorization, result.ClientCertificate ?? credential.ClientCertificate);
        }

        return result;
    }

    /// <inheritdoc />
    public void Invalidate()
    {
        foreach (var provider in _providers)
        {
            provider.Invalidate();
        }
    }
}
