namespace KubeBind.WatchBridge.Routing;

/// <summary>What routes may read: the cached objects of every source, and their indexes.</summary>
internal interface ISourceCaches
{
    /// <summary>Every cached object of <paramref name="source"/>.</summary>
    IReadOnlyList<object> List(ISource source);

    /// <summary>The cached objects of <paramref name="source"/> whose index <paramref name="index"/> has <paramref name="value"/>.</summary>
    IReadOnlyList<T> ByIndex<T>(Source<T> source, string index, string value)
        where T : class;
}
