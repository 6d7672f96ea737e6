using KubeBind.Kubernetes;
using KubeBind.Kubernetes.Caching;
using KubeBind.Kubernetes.Models;

namespace KubeBind.WatchBridge.Routing;

/// <summary>A kind the bridge watches: what to list and watch, and the indexes its routes look up.</summary>
internal interface ISource
{
    /// <summary>The kind, as written into <see cref="KubeBind.Api.Queues.MessageCause.Kind"/>.</summary>
    string Kind { get; }

    GroupVersionResource Resource { get; }

    /// <summary>Only objects matching this selector are watched; one that stops matching is seen as deleted.</summary>
    string? LabelSelector { get; }

    /// <summary>Creates (or shares) the informer for this source, with its indexes, subscribed before it starts.</summary>
    ISourceInformer CreateInformer(KubernetesClient client, InformerFactory factory);

    /// <summary>The name of one of this source's objects.</summary>
    ObjectName NameOf(object obj);

    /// <summary>The resourceVersion of one of this source's objects.</summary>
    string ResourceVersionOf(object obj);
}
