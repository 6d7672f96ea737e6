namespace KubeBind.WatchBridge.Sending;

/// <summary>Puts one message on a queue; throws when it could not, and the bridge retries with backoff.</summary>
internal interface IMessageSender
{
    /// <summary>Sends <paramref name="messageText"/> to <paramref name="queueName"/>.</summary>
    Task SendAsync(string queueName, string messageText, CancellationToken cancellationToken);
}
