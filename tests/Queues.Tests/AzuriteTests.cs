using System.Net.Sockets;
using KubeBind.Testing;

namespace KubeBind.Queues.Tests;

/// <summary>The fixture used standalone: it serves queues on loopback, and nothing listens once it is disposed.</summary>
public sealed class AzuriteTests
{
    [Fact]
    public async Task StartAsync_ServesQueuesOnLoopback_AndDisposeStopsTheProcess()
    {
        var azurite = await Azurite.StartAsync();
        Uri endpoint;
        try
        {
            endpoint = azurite.QueueEndpoint;
            using var service = new QueueServiceClient(azurite.ConnectionString);
            Assert.True(await service.GetQueueClient("standalone").CreateIfNotExistsAsync());
        }
        finally
        {
            await azurite.DisposeAsync();
        }

        Assert.Equal("127.0.0.1", endpoint.Host);
        Assert.NotEqual(10001, endpoint.Port);
        using var client = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(endpoint.Host, endpoint.Port));
    }
}
