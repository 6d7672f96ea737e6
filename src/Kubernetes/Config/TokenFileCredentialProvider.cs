namespace KubeBind.Kubernetes.Config;

/// <summary>
/// A bearer token read from a file and re-read when the file changes or a minute has passed, since projected
/// service-account tokens rotate in place (client-go caches token files for a minute too).
/// </summary>
public sealed class TokenFileCredentialProvider : ICredentialProvider
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly string _path;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _lock = new();
    private Credential? _cached;
    private DateTimeOffset _readAt;
    private DateTime _modifiedAt;

    /// <summary>Creates a provider for the token in <paramref name="path"/>.</summary>
    public TokenFileCredentialProvider(string path, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _path = path;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The token file.</summary>
    public string Path => _path;

    /// <inheritdoc />
    public ValueTask<Credential> GetAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            var modifiedAt = File.GetLastWriteTimeUtc(_path);
            if (_cached is not null && now - _readAt < MaxAge && modifiedAt == _modifiedAt)
            {
                return ValueTask.FromResult(_cached);
            }

            string token;
            try
            {
                token = File.ReadAllText(_path).Trim();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException && _cached is not null)
            {
                // Like client-go, keep using the last token while the file is briefly unreadable (mid-rotation).
                return ValueTask.FromResult(_cached);
            }

            if (token.Length == 0)
            {
                return _cached is not null ? ValueTask.FromResult(_cached) : throw new InvalidOperationException($"token file {_path} is empty");
            }

            _cached = Credential.Bearer(token);
            _readAt = now;
            _modifiedAt = modifiedAt;
            return ValueTask.FromResult(_cached);
        }
    }

    /// <inheritdoc />
    public void Invalidate()
    {
        lock (_lock)
        {
            _readAt = DateTimeOffset.MinValue;
        }
    }
}
