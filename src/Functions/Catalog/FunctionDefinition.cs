namespace KubeBind.Functions.Catalog;

/// <summary>One function of the app: its name, what triggers it, and the DI-registered class that handles it.</summary>
public sealed record FunctionDefinition
{
    /// <summary>The function's name: its folder in the function app and the custom-handler path <c>/{Name}</c>.</summary>
    public required string Name { get; init; }

    /// <summary>What starts the function.</summary>
    public required FunctionTrigger Trigger { get; init; }

    /// <summary>The handler class, resolved from a fresh DI scope per invocation.</summary>
    public required Type HandlerType { get; init; }

    /// <summary>A function run once per message on <paramref name="queueName"/>.</summary>
    public static FunctionDefinition Queue<THandler>(string name, string queueName)
        where THandler : class, IQueueHandler =>
        new() { Name = name, Trigger = new QueueTrigger { QueueName = queueName }, HandlerType = typeof(THandler) };

    /// <summary>A function serving <c>/api/{route}</c> for <paramref name="methods"/>.</summary>
    public static FunctionDefinition Http<THandler>(string name, string route, IReadOnlyList<string> methods, HttpAuthLevel authLevel = HttpAuthLevel.Anonymous)
        where THandler : class, IHttpHandler =>
        new()
        {
            Name = name,
            Trigger = new HttpTrigger { Route = route, Methods = [.. methods.Select(m => m.ToUpperInvariant())], AuthLevel = authLevel },
            HandlerType = typeof(THandler),
        };
}
