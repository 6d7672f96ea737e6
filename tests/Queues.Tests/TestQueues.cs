using KubeBind.Testing;

namespace KubeBind.Queues.Tests;

/// <summary>Unique queue names and a client on the shared Azurite.</summary>
internal static class TestQueues
{
    public static string UniqueName(string prefix = "test") => $"{prefix}-{Guid.NewGuid().ToString("n")[..12]}";

    public static QueueServiceClient Service(Azurite azurite, QueueMessageEncoding encoding = QueueMessageEncoding.Base64) =>
        new(azurite.ConnectionString, new QueueClientOptions { MessageEncoding = encoding });

    public static async Task<QueueClient> CreateAsync(QueueServiceClient service, string prefix = "test")
    {
        var queue = service.GetQueueClient(UniqueName(prefix));
        await queue.CreateIfNotExistsAsync();
        return queue;
    }
}
