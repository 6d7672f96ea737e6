namespace KubeBind.Functions.Catalog;

/// <summary>A Storage queue trigger: the function runs once per message on <see cref="QueueName"/>.</summary>
public sealed record QueueTrigger : FunctionTrigger
{
    /// <summary>The app setting holding the Storage connection string, as the Functions host names it.</summary>
    public const string DefaultConnection = "AzureWebJobsStorage";

    /// <summary>The binding name; the Functions host sends the message under this key of the invocation's <c>Data</c>.</summary>
    public const string DefaultBindingName = "message";

    /// <summary>The queue to listen on.</summary>
    public required string QueueName { get; init; }

    /// <summary>The name of the setting that holds the Storage connection string.</summary>
    public string Connection { get; init; } = DefaultConnection;

    /// <summary>The trigger binding's name in <c>function.json</c>.</summary>
    public string BindingName { get; init; } = DefaultBindingName;

    public override Type HandlerInterface => typeof(IQueueHandler);
}
