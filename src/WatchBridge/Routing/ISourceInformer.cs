namespace KubeBind.WatchBridge.Routing;

/// <summary>A running source: its cache, and its stream of changes as <see cref="SourceEvent"/>s.</summary>
internal interface ISourceInformer
{
    ISource Source { get; }

    /// <summary>True once the first list is in the cache.</summary>
    bool HasSynced { get; }

    /// <summary>Raised (never throwing) when a list or watch fails and the informer backs off.</summary>
    event Action<Exception>? Error;

    /// <summary>Every cached object.</summary>
    IReadOnlyList<object> List();

    /// <summary>
    /// Subscribes at once (before the returned task first waits), then hands every later change to
    /// <paramref name="onEvent"/> until the informer stops or the token fires.
    /// </summary>
    Task PumpAsync(Action<SourceEvent> onEvent, CancellationToken cancellationToken);
}
