using KubeBind.Queues.Listening;

namespace KubeBind.Queues.Tests;

public sealed class HostJsonQueueSettingsTests
{
    // Each case: the extensions.queues object, and a fragment the error must contain.
    public static TheoryData<string, string> Invalid => new()
    {
        { """{ "batchSize": 0 }""", "batchSize must be between 1 and 32, not 0" },
        { """{ "batchSize": "16" }""", "extensions.queues.batchSize must be a whole number, not \"16\"" },
        { """{ "maxPollingInterval": "2" }""", "extensions.queues.maxPollingInterval must be a duration like \"00:00:02\"" },
        { """{ "visibilityTimeout": "soon" }""", "extensions.queues.visibilityTimeout must be a duration" },
        { """{ "messageEncoding": "utf8" }""", "extensions.queues.messageEncoding must be \"base64\" or \"none\", not \"utf8\"" },
        { """{ "maxDequeueCount": -1 }""", "maxDequeueCount must be at least 1, not -1" },
    };

    [Fact]
    public void Read_TakesEverySettingFromExtensionsQueues()
    {
        var options = HostJsonQueueSettings.Read(Path.Combine(AppContext.BaseDirectory, "TestData", "host.json"));

        Assert.Equal(TimeSpan.FromSeconds(5), options.MaxPollingInterval);
        Assert.Equal(TimeSpan.FromSeconds(30), options.VisibilityTimeout);
        Assert.Equal(8, options.BatchSize);
        Assert.Equal(3, options.MaxDequeueCount);
        Assert.Equal(2, options.EffectiveNewBatchThreshold);
        Assert.Equal(QueueMessageEncoding.None, options.MessageEncoding);
    }

    [Fact]
    public void Parse_KeepsDefaults_WhenHostJsonHasNoQueueSettings()
    {
        var options = HostJsonQueueSettings.Parse("""{ "version": "2.0" }""");

        Assert.Equal(16, options.BatchSize);
        Assert.Equal(8, options.EffectiveNewBatchThreshold);
        Assert.Equal(TimeSpan.FromSeconds(2), options.MaxPollingInterval);
        Assert.Equal(TimeSpan.Zero, options.VisibilityTimeout);
        Assert.Equal(5, options.MaxDequeueCount);
        Assert.Equal(QueueMessageEncoding.Base64, options.MessageEncoding);
        Assert.Equal(TimeSpan.FromMinutes(10), options.InFlightVisibility);
    }

    [Fact]
    public void Parse_MatchesNamesCaseInsensitively_AndReadsMillisecondsAsFunctionsOneDid()
    {
        var options = HostJsonQueueSettings.Parse("""{ "Extensions": { "Queues": { "BatchSize": 4, "maxPollingInterval": 1500 } } }""");

        Assert.Equal(4, options.BatchSize);
        Assert.Equal(2, options.EffectiveNewBatchThreshold);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), options.MaxPollingInterval);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Parse_NamesTheBadSetting(string queues, string expected)
    {
        var error = Assert.Throws<FormatException>(() => HostJsonQueueSettings.Parse($$"""{ "extensions": { "queues": {{queues}} } }""", "app/host.json"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("app/host.json: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SaysWhichFileIsNotJson()
    {
        var error = Assert.Throws<FormatException>(() => HostJsonQueueSettings.Parse("{ nope", "app/host.json"));

        Assert.StartsWith("app/host.json is not valid JSON", error.Message, StringComparison.Ordinal);
    }
}
