namespace KubeBind.Functions.Catalog;

/// <summary>What starts a function: a <see cref="QueueTrigger"/> or an <see cref="HttpTrigger"/>.</summary>
public abstract record FunctionTrigger
{
    /// <summary>The handler interface a function with this trigger must implement.</summary>
    public abstract Type HandlerInterface { get; }

    // Only the two triggers below exist; the metadata writer and both hosts switch over them.
    private protected FunctionTrigger()
    {
    }
}
