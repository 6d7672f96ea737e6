namespace KubeBind.Functions.Hosting;

/// <summary>How the app runs its functions.</summary>
internal enum FunctionsMode
{
    /// <summary>On its own: serves the HTTP functions and listens to the queues itself.</summary>
    Standalone,

    /// <summary>Under the Azure Functions host, which triggers the functions and calls in on <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>.</summary>
    CustomHandler,
}
