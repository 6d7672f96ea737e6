namespace KubeBind.Queues;

/// <summary>
/// The queue-relevant parts of an Azure Storage connection string: the account, its key and the queue endpoint.
/// <see cref="ToString"/> never shows the key, and neither do parse errors.
/// </summary>
public sealed class StorageConnectionString
{
    /// <summary>The emulator's well-known account (Azurite and the old Storage Emulator).</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    // Published in the Azurite and Storage Emulator documentation; it protects nothing.
    private const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly Uri DevelopmentQueueEndpoint = new("http://127.0.0.1:10001/devstoreaccount1");

    private StorageConnectionString(string accountName, byte[] accountKey, Uri queueEndpoint)
    {
        AccountName = accountName;
        AccountKey = accountKey;
        QueueEndpoint = queueEndpoint;
    }

    /// <summary>The storage account name, used to sign requests.</summary>
    public string AccountName { get; }

    /// <summary>The queue service endpoint, e.g. <c>https://account.queue.core.windows.net</c>.</summary>
    public Uri QueueEndpoint { get; }

    internal byte[] AccountKey { get; }

    /// <summary>Parses a connection string; a <see cref="FormatException"/> names the part that is wrong.</summary>
    public static StorageConnectionString Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var parts = Split(connectionString);

        if (parts.Remove("UseDevelopmentStorage", out var development))
        {
            if (!string.Equals(development, "true", StringComparison.OrdinalIgnoreCase))
            {
                throw Invalid("UseDevelopmentStorage must be 'true' when present");
            }

            if (parts.Count > 0)
            {
                throw Invalid($"UseDevelopmentStorage=true cannot be combined with {string.Join(", ", parts.Keys)}");
            }

            return new StorageConnectionString(DevelopmentAccountName, Convert.FromBase64String(DevelopmentAccountKey), DevelopmentQueueEndpoint);
        }

        if (parts.ContainsKey("SharedAccessSignature"))
        {
            throw Invalid("SharedAccessSignature is not supported; use AccountName and AccountKey, or a TokenCredential with the queue service URL");
        }

        var accountName = Required(parts, "AccountName");
        if (!parts.TryGetValue("AccountKey", out var encodedKey) || encodedKey.Length == 0)
        {
            throw Invalid("AccountKey is missing; for a managed identity pass the queue service URL and a TokenCredential instead of a connection string");
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(encodedKey);
        }
        catch (FormatException)
        {
            throw Invalid("AccountKey is not valid base64; copy it again from the storage account's access keys");
        }

        return new StorageConnectionString(accountName, key, QueueEndpointOf(parts, accountName));
    }

    /// <summary>The connection string's shape with the key hidden, safe for logs.</summary>
    public override string ToString() => $"AccountName={AccountName};AccountKey=***;QueueEndpoint={QueueEndpoint}";

    private static Uri QueueEndpointOf(Dictionary<string, string> parts, string accountName)
    {
        if (parts.TryGetValue("QueueEndpoint", out var explicitEndpoint))
        {
            if (!Uri.TryCreate(explicitEndpoint, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
            {
                throw Invalid($"QueueEndpoint '{explicitEndpoint}' is not an absolute http or https URL");
            }

            return endpoint;
        }

        var protocol = parts.GetValueOrDefault("DefaultEndpointsProtocol", "https").ToLowerInvariant();
        if (protocol is not ("http" or "https"))
        {
            throw Invalid($"DefaultEndpointsProtocol must be http or https, not '{protocol}'");
        }

        var suffix = parts.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        if (!Uri.TryCreate($"{protocol}://{accountName}.queue.{suffix}", UriKind.Absolute, out var derived))
        {
            throw Invalid($"AccountName '{accountName}' and EndpointSuffix '{suffix}' do not form a valid host name");
        }

        return derived;
    }

    private static Dictionary<string, string> Split(string connectionString)
    {
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var segments = connectionString.Split(';');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i].Trim();
            if (segment.Length == 0)
            {
                continue;
            }

            // Never echo a segment that is not Name=Value: it may be a key pasted without its name.
            var equals = segment.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? segment[..equals].Trim() : string.Empty;
            if (name.Length == 0 || !name.All(char.IsAsciiLetter))
            {
                throw Invalid($"part {i + 1} is not of the form Name=Value");
            }

            if (!parts.TryAdd(name, segment[(equals + 1)..].Trim()))
            {
                throw Invalid($"{name} appears more than once");
            }
        }

        if (parts.Count == 0)
        {
            throw Invalid("it is empty");
        }

        return parts;
    }

    private static string Required(Dictionary<string, string> parts, string name) =>
        parts.TryGetValue(name, out var value) && value.Length > 0 ? value : throw Invalid($"{name} is missing");

    private static FormatException Invalid(string problem) => new($"invalid Storage connection string: {problem}");
}
