using System.Threading.Channels;
using KubeBind.Api.Queues;
using KubeBind.Kubernetes.Caching;

namespace KubeBind.WatchBridge.Routing;

/// <summary>An <see cref="Informer{T}"/> seen as a source.</summary>
internal sealed class SourceInformer<T> : ISourceInformer
    where T : class
{
    public SourceInformer(Source<T> source, Informer<T> informer)
    {
        TypedSource = source;
        Informer = informer;
    }

    public event Action<Exception>? Error
    {
        add => Informer.Error += value;
        remove => Informer.Error -= value;
    }

    public ISource Source => TypedSource;

    public Source<T> TypedSource { get; }

    public Informer<T> Informer { get; }

    public bool HasSynced => Informer.HasSynced;

    public IReadOnlyList<object> List() => Informer.List();

    public Task PumpAsync(Action<SourceEvent> onEvent, CancellationToken cancellationToken) =>
        PumpAsync(Informer.Subscribe(replay: false), onEvent, cancellationToken);

    private async Task PumpAsync(ChannelReader<InformerEvent<T>> events, Action<SourceEvent> onEvent, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var e in events.ReadAllAsync(cancellationToken))
            {
                var type = e.Type switch
                {
                    InformerEventType.Added => MessageEvents.Added,
                    InformerEventType.Deleted => MessageEvents.Deleted,
                    _ => MessageEvents.Modified,
                };
                onEvent(new SourceEvent(Source, type, e.Object));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped with the leadership term.
        }
        finally
        {
            Informer.Unsubscribe(events);
        }
    }
}
