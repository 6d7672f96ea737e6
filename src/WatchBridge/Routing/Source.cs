using KubeBind.Kubernetes;
using KubeBind.Kubernetes.Caching;
using KubeBind.Kubernetes.Models;
using KubeBind.Kubernetes.Rest;

namespace KubeBind.WatchBridge.Routing;

/// <summary>A watched kind whose objects are <typeparamref name="T"/> (a typed record, or JsonObject for foreign kinds).</summary>
internal sealed class Source<T> : ISource
    where T : class
{
    private readonly Func<KubernetesClient, ResourceClient<T>> _client;
    private readonly Dictionary<string, Func<T, IEnumerable<string>>> _indexes = new(StringComparer.Ordinal);

    public Source(string kind, GroupVersionResource resource, Func<KubernetesClient, ResourceClient<T>> client, string? labelSelector = null)
    {
        Kind = kind;
        Resource = resource;
        LabelSelector = labelSelector;
        _client = client;
    }

    public string Kind { get; }

    public GroupVersionResource Resource { get; }

    public string? LabelSelector { get; }

    /// <summary>The indexes routes look objects of this source up by: name → the index values of an object.</summary>
    public IReadOnlyDictionary<string, Func<T, IEnumerable<string>>> Indexes => _indexes;

    /// <summary>Declares an index (while the routing table is built); returns this source for chaining.</summary>
    public Source<T> WithIndex(string name, Func<T, IEnumerable<string>> values)
    {
        _indexes.Add(name, values);
        return this;
    }

    public ISourceInformer CreateInformer(KubernetesClient client, InformerFactory factory)
    {
        var informer = factory.GetOrAdd(_client(client), new InformerOptions { LabelSelector = LabelSelector });
        foreach (var (name, values) in _indexes)
        {
            informer.AddIndexer(name, values);
        }

        return new SourceInformer<T>(this, informer);
    }

    public ObjectName NameOf(object obj) => ObjectName.Of((T)obj);

    public string ResourceVersionOf(object obj) => ObjectKeys.Of((T)obj).ResourceVersion;

    public override string ToString() => Kind;
}
