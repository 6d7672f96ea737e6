using KubeBind.Api.Queues;

namespace KubeBind.WatchBridge.Routing;

/// <summary>A change to one object of a source (or a resync of it), before routing.</summary>
/// <param name="Source">The watched kind.</param>
/// <param name="Event">One of <see cref="MessageEvents"/>.</param>
/// <param name="Object">The object's new state, or its final state when deleted.</param>
#pragma warning disable CA1720 // "Object" mirrors the Kubernetes watch event naming used throughout the client library.
internal sealed record SourceEvent(ISource Source, string Event, object Object)
#pragma warning restore CA1720
{
    /// <summary>The cause written into every message this event produces.</summary>
    public MessageCause Cause()
    {
        var name = Source.NameOf(Object);
        var version = Source.ResourceVersionOf(Object);
        return new MessageCause
        {
            Event = Event,
            Kind = Source.Kind,
            Namespace = name.Namespace,
            Name = name.Name,
            ResourceVersion = version.Length == 0 ? null : version,
        };
    }
}
