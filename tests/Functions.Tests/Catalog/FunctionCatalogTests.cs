using KubeBind.Api.Queues;
using KubeBind.Functions.Catalog;
using KubeBind.Functions.Health;
using KubeBind.Functions.Tests.Support;

namespace KubeBind.Functions.Tests.Catalog;

/// <summary>The catalog refuses entries the Functions host or the router would trip over, at start-up, with the reason.</summary>
public sealed class FunctionCatalogTests
{
    [Fact]
    public void Default_ServesHealthAtApiHealthz()
    {
        var health = FunctionCatalog.Default.Find("health");

        Assert.NotNull(health);
        var trigger = Assert.IsType<HttpTrigger>(health.Trigger);
        Assert.Equal("/api/healthz", trigger.Path);
        Assert.Equal(["GET"], trigger.Methods);
        Assert.Equal(typeof(HealthHandler), health.HandlerType);
    }

    [Fact]
    public void Queue_UsesTheFunctionsStorageSettingAndMessageBinding()
    {
        var function = FunctionDefinition.Queue<ScriptedQueueHandler>("ExportRequests", QueueNames.ExportRequests);

        var trigger = Assert.IsType<QueueTrigger>(function.Trigger);
        Assert.Equal("AzureWebJobsStorage", trigger.Connection);
        Assert.Equal("message", trigger.BindingName);
        Assert.Equal(QueueNames.ExportRequests, trigger.QueueName);
    }

    public static TheoryData<FunctionDefinition, string> Invalid => new()
    {
        { FunctionDefinition.Queue<ScriptedQueueHandler>("testqueue", "kubebind-other"), "names 'testqueue' twice" },
        { FunctionDefinition.Queue<ScriptedQueueHandler>("9Lives", "kubebind-other"), "Function name '9Lives' is invalid" },
        { FunctionDefinition.Queue<ScriptedQueueHandler>("Other", "Kubebind_Upper"), "'Kubebind_Upper' is not a Storage queue name" },
        { FunctionDefinition.Queue<ScriptedQueueHandler>("Other", "kubebind--double"), "'kubebind--double' is not a Storage queue name" },
        { FunctionDefinition.Http<HealthHandler>("Other", "healthz", ["get"]), "GET /api/healthz is already served" },
        { FunctionDefinition.Http<HealthHandler>("Other", "/absolute", ["GET"]), "must be non-empty and relative" },
        { FunctionDefinition.Http<HealthHandler>("Other", "other", ["FETCH"]), "methods [FETCH]" },
        { new FunctionDefinition { Name = "Other", Trigger = new QueueTrigger { QueueName = "kubebind-other" }, HandlerType = typeof(HealthHandler) }, "must be a concrete class implementing IQueueHandler" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void With_ThrowsWithTheReason_WhenAnEntryIsInvalid(FunctionDefinition function, string reason)
    {
        var catalog = FunctionCatalog.Default.With(ScriptedQueueHandler.Definition);

        var error = Assert.Throws<ArgumentException>(() => catalog.With(function));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
