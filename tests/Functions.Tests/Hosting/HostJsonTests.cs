using System.Text.Json.Nodes;
using KubeBind.Functions.Catalog;

namespace KubeBind.Functions.Tests.Hosting;

/// <summary>The repository's host.json matches what the app expects of the Functions host.</summary>
public sealed class HostJsonTests
{
    private static readonly JsonNode HostJson = JsonNode.Parse(File.ReadAllText(new FunctionsOptions().ResolveHostJsonPath()!))!;

    [Fact]
    public void CustomHandler_StartsTheAppsLauncher_AndForwardsHttpRequests()
    {
        var handler = HostJson["customHandler"]!;

        Assert.Equal("2.0", HostJson["version"]!.GetValue<string>());
        Assert.Equal(typeof(FunctionsOptions).Assembly.GetName().Name, handler["description"]!["defaultExecutablePath"]!.GetValue<string>());
        Assert.Empty(handler["description"]!["arguments"]!.AsArray());
        Assert.True(handler["enableForwardingHttpRequest"]!.GetValue<bool>());
        Assert.Equal(HttpTrigger.RoutePrefix, HostJson["extensions"]!["http"]!["routePrefix"]!.GetValue<string>());
    }

    [Fact]
    public void ExtensionBundle_IsVersion4()
    {
        Assert.Equal("Microsoft.Azure.Functions.ExtensionBundle", HostJson["extensionBundle"]!["id"]!.GetValue<string>());
        Assert.Equal("[4.*, 5.0.0)", HostJson["extensionBundle"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public void Queues_PollOftenAndPoisonAfterFiveAttempts()
    {
        var queues = HostJson["extensions"]!["queues"]!;

        Assert.True(TimeSpan.Parse(queues["maxPollingInterval"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) <= TimeSpan.FromSeconds(2));
        Assert.Equal(5, queues["maxDequeueCount"]!.GetValue<int>());
        Assert.Equal("base64", queues["messageEncoding"]!.GetValue<string>());
        Assert.True(queues["newBatchThreshold"]!.GetValue<int>() < queues["batchSize"]!.GetValue<int>());
    }
}
