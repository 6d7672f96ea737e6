using KubeBind.WatchBridge.Hosting;
using KubeBind.WatchBridge.Sending;
using KubeBind.WatchBridge.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KubeBind.WatchBridge.Tests.Hosting;

public sealed class WatchBridgeAppTests
{
    [Fact]
    public async Task StartAsync_FailsNamingTheSetting_WhenTheOptionsAreInvalid()
    {
        await using var app = WatchBridgeApp.Build([], builder =>
        {
            builder.Logging.ClearProviders();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Workers"] = "0", ["HealthUrl"] = "http://127.0.0.1:0" });
            builder.Services.AddSingleton<IMessageSender>(new RecordingSender());
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(timeout.Token));

        Assert.Contains("Workers: must be at least 1, got 0.", error.Message, StringComparison.Ordinal);
    }
}
