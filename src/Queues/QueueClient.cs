using System.Globalization;
using System.Net;
using System.Xml;
using System.Xml.Linq;
using KubeBind.Queues.Rest;

namespace KubeBind.Queues;

/// <summary>
/// One queue's operations over the Storage Queue REST API. Every operation but <see cref="SendMessageAsync"/> is
/// retried after transient failures; a put is retried only when it never reached the service, because a put whose
/// answer was lost may have been stored, and sending it again would duplicate the message.
/// </summary>
public sealed class QueueClient
{
    /// <summary>The most messages one receive or peek returns.</summary>
    public const int MaxMessagesPerCall = 32;

    private static readonly TimeSpan MaxVisibility = TimeSpan.FromDays(7);

    private readonly QueuePipeline _pipeline;

    internal QueueClient(QueuePipeline pipeline, string name, QueueMessageEncoding encoding)
    {
        _pipeline = pipeline;
        Name = name;
        MessageEncoding = encoding;
    }

    /// <summary>The queue's name.</summary>
    public string Name { get; }

    /// <summary>The queue's URL.</summary>
    public Uri Uri => new(_pipeline.ServiceUri, Name);

    /// <summary>How this client encodes and decodes message text.</summary>
    public QueueMessageEncoding MessageEncoding { get; }

    /// <summary>The same queue with another message encoding.</summary>
    public QueueClient WithEncoding(QueueMessageEncoding encoding) => new(_pipeline, Name, encoding);

    /// <summary>Creates the queue; true when it was created, false when it existed already (201 or 204).</summary>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(new QueueRequest(HttpMethod.Put, Name, $"create queue '{Name}'"), cancellationToken).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.Created;
    }

    /// <summary>Deletes the queue and its messages; a missing queue throws with <see cref="QueueStorageException.IsQueueNotFound"/>.</summary>
    public Task DeleteAsync(CancellationToken cancellationToken = default) =>
        SendAsync(new QueueRequest(HttpMethod.Delete, Name, $"delete queue '{Name}'"), cancellationToken);

    /// <summary>Deletes the queue if it exists; true when it did.</summary>
    public async Task<bool> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await DeleteAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (QueueStorageException e) when (e.IsQueueNotFound)
        {
            return false;
        }
    }

    /// <summary>Reads the approximate message count and the metadata.</summary>
    public async Task<QueueProperties> GetPropertiesAsync(CancellationToken cancellationToken = default)
    {
        var request = new QueueRequest(HttpMethod.Get, Name, $"get properties of queue '{Name}'") { Query = [new("comp", "metadata")] };
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var count = Read(request, response, _ => long.Parse(response.Header("x-ms-approximate-messages-count") ?? "0", CultureInfo.InvariantCulture));
        var metadata = response.Headers
            .Where(h => h.Key.StartsWith("x-ms-meta-", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key["x-ms-meta-".Length..], h => string.Join(',', h.Value), StringComparer.OrdinalIgnoreCase);
        return new QueueProperties(count, metadata);
    }

    /// <summary>Deletes every message in the queue.</summary>
    public Task ClearMessagesAsync(CancellationToken cancellationToken = default) =>
        SendAsync(new QueueRequest(HttpMethod.Delete, $"{Name}/messages", $"clear queue '{Name}'"), cancellationToken);

    /// <summary>
    /// Puts a message, invisible for <paramref name="visibilityDelay"/> (default 0, at most 7 days), living for
    /// <paramref name="timeToLive"/> (default 7 days; <see cref="Timeout.InfiniteTimeSpan"/> for never expiring).
    /// </summary>
    public async Task<SendReceipt> SendMessageAsync(string text, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var query = new List<KeyValuePair<string, string>>();
        if (visibilityDelay is { } delay)
        {
            query.Add(new("visibilitytimeout", Seconds(delay, TimeSpan.Zero, MaxVisibility, nameof(visibilityDelay))));
        }

        if (timeToLive is { } ttl)
        {
            query.Add(new("messagettl", ttl == Timeout.InfiniteTimeSpan ? "-1" : Seconds(ttl, TimeSpan.FromSeconds(1), TimeSpan.MaxValue, nameof(timeToLive))));
        }

        var request = new QueueRequest(HttpMethod.Post, $"{Name}/messages", $"put message on queue '{Name}'")
        {
            Query = query,
            Body = QueueXml.MessageBody(text, MessageEncoding),
            Idempotent = false,
        };
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return Read(request, response, body =>
        {
            var message = QueueXml.Messages(body).FirstOrDefault() ?? throw new FormatException("the queue service answered a put without a QueueMessage");
            return new SendReceipt
            {
                MessageId = QueueXml.Text(message, "MessageId"),
                PopReceipt = QueueXml.Text(message, "PopReceipt"),
                InsertedOn = QueueXml.Time(message, "InsertionTime"),
                ExpiresOn = QueueXml.Time(message, "ExpirationTime"),
                NextVisibleOn = QueueXml.Time(message, "TimeNextVisible"),
            };
        });
    }

    /// <summary>
    /// Receives up to <paramref name="maxMessages"/> (1-32) messages and hides them for <paramref name="visibilityTimeout"/>
    /// (default 30 s, 1 s to 7 days). A retry after a lost answer is harmless: the messages of the lost answer
    /// reappear when their visibility ends.
    /// </summary>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveMessagesAsync(int maxMessages = 1, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        var query = new List<KeyValuePair<string, string>> { new("numofmessages", Count(maxMessages)) };
        if (visibilityTimeout is { } visibility)
        {
            query.Add(new("visibilitytimeout", Seconds(visibility, TimeSpan.FromSeconds(1), MaxVisibility, nameof(visibilityTimeout))));
        }

        var request = new QueueRequest(HttpMethod.Get, $"{Name}/messages", $"receive messages from queue '{Name}'") { Query = query };
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return Read<IReadOnlyList<QueueMessage>>(request, response, body => QueueXml.Messages(body).Select(m =>
        {
            var (text, wire, failed) = DecodeText(m);
            return new QueueMessage
            {
                MessageId = QueueXml.Text(m, "MessageId"),
                PopReceipt = QueueXml.Text(m, "PopReceipt"),
                Text = text,
                WireText = wire,
                DecodingFailed = failed,
                DequeueCount = QueueXml.Count(m, "DequeueCount"),
                InsertedOn = QueueXml.Time(m, "InsertionTime"),
                ExpiresOn = QueueXml.Time(m, "ExpirationTime"),
                NextVisibleOn = QueueXml.Time(m, "TimeNextVisible"),
            };
        }).ToList());
    }

    /// <summary>Reads up to <paramref name="maxMessages"/> (1-32) visible messages without hiding them or counting a dequeue.</summary>
    public async Task<IReadOnlyList<PeekedMessage>> PeekMessagesAsync(int maxMessages = 1, CancellationToken cancellationToken = default)
    {
        var request = new QueueRequest(HttpMethod.Get, $"{Name}/messages", $"peek messages of queue '{Name}'")
        {
            Query = [new("peekonly", "true"), new("numofmessages", Count(maxMessages))],
        };
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return Read<IReadOnlyList<PeekedMessage>>(request, response, body => QueueXml.Messages(body).Select(m =>
        {
            var (text, _, failed) = DecodeText(m);
            return new PeekedMessage
            {
                MessageId = QueueXml.Text(m, "MessageId"),
                Text = text,
                DecodingFailed = failed,
                DequeueCount = QueueXml.Count(m, "DequeueCount"),
                InsertedOn = QueueXml.Time(m, "InsertionTime"),
                ExpiresOn = QueueXml.Time(m, "ExpirationTime"),
            };
        }).ToList());
    }

    /// <summary>Deletes a received message; a stale pop receipt throws with <see cref="QueueStorageException.IsMessageNotFound"/>.</summary>
    public Task DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        var request = new QueueRequest(HttpMethod.Delete, MessagePath(messageId), $"delete message {messageId} of queue '{Name}'")
        {
            Query = [new("popreceipt", popReceipt)],
        };
        return SendAsync(request, cancellationToken);
    }

    /// <summary>
    /// Hides a received message for <paramref name="visibilityTimeout"/> from now (0 makes it visible at once) and,
    /// when <paramref name="text"/> is given, replaces its text. The answer's pop receipt replaces the old one.
    /// </summary>
    public async Task<UpdateReceipt> UpdateMessageAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, string? text = null, CancellationToken cancellationToken = default)
    {
        var request = new QueueRequest(HttpMethod.Put, MessagePath(messageId), $"update message {messageId} of queue '{Name}'")
        {
            Query = [new("popreceipt", popReceipt), new("visibilitytimeout", Seconds(visibilityTimeout, TimeSpan.Zero, MaxVisibility, nameof(visibilityTimeout)))],
            Body = text is null ? null : QueueXml.MessageBody(text, MessageEncoding),
        };
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return Read(request, response, _ => new UpdateReceipt(
            response.Header("x-ms-popreceipt") ?? throw new FormatException("the answer has no x-ms-popreceipt"),
            QueueXml.ParseTime(response.Header("x-ms-time-next-visible") ?? throw new FormatException("the answer has no x-ms-time-next-visible"))));
    }

    /// <summary>Puts text exactly as given, bypassing the encoding: copies of received messages keep their wire form.</summary>
    /// <summary>Like <see cref="SendMessageAsync"/>, but creates the queue first when the send finds it missing.</summary>
    public Task<SendReceipt> SendMessageCreatingQueueAsync(string text, TimeSpan? visibilityDelay = null, CancellationToken cancellationToken = default) =>
        CreatingQueueAsync(() => SendMessageAsync(text, visibilityDelay, cancellationToken: cancellationToken), cancellationToken);

    /// <summary>Runs <paramref name="operation"/>; if the queue does not exist, creates it and runs it once more.</summary>
    internal async Task<T> CreatingQueueAsync<T>(Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (QueueStorageException e) when (e.IsQueueNotFound)
        {
            await CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            return await operation().ConfigureAwait(false);
        }
    }

    internal Task<SendReceipt> SendWireTextAsync(string wireText, TimeSpan? visibilityDelay, CancellationToken cancellationToken) =>
        WithEncoding(QueueMessageEncoding.None).SendMessageAsync(wireText, visibilityDelay, null, cancellationToken);

    private Task<QueueResponse> SendAsync(QueueRequest request, CancellationToken cancellationToken) => _pipeline.SendAsync(request, cancellationToken);

    /// <summary>Reads a successful answer; one that is not what the API documents (a proxy's page, say) becomes a <see cref="QueueStorageException"/>.</summary>
    private static T Read<T>(QueueRequest request, QueueResponse response, Func<string, T> read)
    {
        try
        {
            return read(response.Body);
        }
        catch (Exception e) when (e is FormatException or XmlException or OverflowException)
        {
            throw new QueueStorageException(response.StatusCode, null, $"{request.Operation} failed: the answer could not be read ({e.Message}); is the endpoint a queue service?", e);
        }
    }

    private (string Text, string Wire, bool Failed) DecodeText(XElement message)
    {
        var wire = message.Element("MessageText")?.Value ?? string.Empty;
        var text = QueueXml.Decode(wire, MessageEncoding);
        return (text ?? wire, wire, text is null);
    }

    private string MessagePath(string messageId)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        return $"{Name}/messages/{Uri.EscapeDataString(messageId)}";
    }

    private static string Count(int maxMessages) =>
        maxMessages is >= 1 and <= MaxMessagesPerCall
            ? maxMessages.ToString(CultureInfo.InvariantCulture)
            : throw new ArgumentOutOfRangeException(nameof(maxMessages), maxMessages, $"between 1 and {MaxMessagesPerCall} messages per call");

    private static string Seconds(TimeSpan value, TimeSpan min, TimeSpan max, string name) =>
        value >= min && value <= max
            ? ((long)Math.Ceiling(value.TotalSeconds)).ToString(CultureInfo.InvariantCulture)
            : throw new ArgumentOutOfRangeException(name, value, $"must be between {min} and {max}");
}
