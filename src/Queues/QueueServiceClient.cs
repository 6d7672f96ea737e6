using System.Text.RegularExpressions;
using Azure.Core;
using KubeBind.Queues.Rest;

namespace KubeBind.Queues;

/// <summary>
/// The queue service of one Storage account (or Azurite), authorized with the account key (Shared Key) or a
/// Microsoft Entra token; hands out <see cref="QueueClient"/>s that share its connections.
/// </summary>
public sealed partial class QueueServiceClient : IDisposable
{
    private readonly QueuePipeline _pipeline;
    private readonly QueueMessageEncoding _encoding;

    /// <summary>A client for the account a connection string names (Shared Key authorization).</summary>
    public QueueServiceClient(string connectionString, QueueClientOptions? options = null)
        : this(StorageConnectionString.Parse(connectionString), options)
    {
    }

    /// <summary>A client for the account a parsed connection string names (Shared Key authorization).</summary>
    public QueueServiceClient(StorageConnectionString connection, QueueClientOptions? options = null)
        : this(connection.QueueEndpoint, _ => new SharedKeyAuthorizer(connection.AccountName, connection.AccountKey), options)
    {
    }

    /// <summary>
    /// A client for a queue service URL in Azure (<c>https://account.queue.core.windows.net</c>) authorized with
    /// tokens from <paramref name="credential"/>, e.g. a <c>ManagedIdentityCredential</c>.
    /// </summary>
    public QueueServiceClient(Uri serviceUri, TokenCredential credential, QueueClientOptions? options = null)
        : this(RequireHttps(serviceUri), o => new BearerTokenAuthorizer(credential, o.TimeProvider), options)
    {
    }

    private QueueServiceClient(Uri serviceUri, Func<QueueClientOptions, IRequestAuthorizer> authorizer, QueueClientOptions? options)
    {
        options ??= new QueueClientOptions();
        _pipeline = new QueuePipeline(serviceUri, authorizer(options), options);
        _encoding = options.MessageEncoding;
    }

    /// <summary>The queue service endpoint, ending in a slash.</summary>
    public Uri ServiceUri => _pipeline.ServiceUri;

    /// <summary>A client for one queue (which need not exist yet); the encoding defaults to the options'.</summary>
    public QueueClient GetQueueClient(string queueName, QueueMessageEncoding? encoding = null)
    {
        ValidateQueueName(queueName);
        return new QueueClient(_pipeline, queueName, encoding ?? _encoding);
    }

    /// <summary>Releases the connections, unless the HttpClient or handler came from the options.</summary>
    public void Dispose() => _pipeline.Dispose();

    /// <summary>Throws unless <paramref name="queueName"/> is a valid queue name (3-63 lower-case letters, digits and single hyphens).</summary>
    public static void ValidateQueueName(string queueName)
    {
        ArgumentNullException.ThrowIfNull(queueName);
        if (queueName.Length is < 3 or > 63 || !QueueName().IsMatch(queueName))
        {
            throw new ArgumentException(
                $"'{queueName}' is not a valid queue name: use 3-63 lower-case letters, digits and hyphens, starting and ending with a letter or digit, without two hyphens in a row",
                nameof(queueName));
        }
    }

    private static Uri RequireHttps(Uri serviceUri)
    {
        // The service refuses bearer tokens over plain HTTP, and sending one there would leak it.
        return serviceUri.Scheme == Uri.UriSchemeHttps
            ? serviceUri
            : throw new ArgumentException($"token authorization needs an https queue service URL, not {serviceUri}", nameof(serviceUri));
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9]))*$")]
    private static partial Regex QueueName();
}
