using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Api;
using KubeBind.DevApiServer.Resources.Strategies;
using KubeBind.DevApiServer.Storage;

namespace KubeBind.DevApiServer.Controllers;

/// <summary>
/// Namespace deletion as kube-controller-manager does it: a Terminating namespace has all its content deleted,
/// and once nothing is left the <c>kubernetes</c> finalizer is removed through /finalize, which deletes it.
/// </summary>
internal sealed class NamespaceController(ControllerContext context) : IController
{
    private readonly HashSet<string> _terminating = new(StringComparer.Ordinal);

    public void OnChange(StoreEvent change)
    {
        if (change.Object?.Resource == WellKnown.Namespaces && change.Type != WatchEventType.Deleted && change.Object.Deleting)
        {
            _terminating.Add(change.Object.Name);
            Finalize(change.Object.Name);
        }
        else if (change.Object is { Namespace.Length: > 0 } obj && change.Type == WatchEventType.Deleted && _terminating.Contains(obj.Namespace))
        {
            Finalize(obj.Namespace);
        }
    }

    public void Resync()
    {
        foreach (var ns in _terminating.ToList())
        {
            Finalize(ns);
        }
    }

    private void Finalize(string name)
    {
        var ns = context.Store.Get(WellKnown.Namespaces, null, name);
        if (ns is null || !ns.Deleting)
        {
            _terminating.Remove(name);
            return;
        }

        var content = context.Store.ListNamespaced(name);
        foreach (var obj in content.Where(o => !o.Deleting))
        {
            context.DeleteQuietly(obj);
        }

        if (content.Count > 0)
        {
            return;
        }

        context.Mutate(ns, live =>
        {
            if (live["spec"] is JsonObject spec)
            {
                var remaining = Meta.StringList(spec["finalizers"]).Where(f => f != NamespaceStrategy.KubernetesFinalizer).ToList();
                spec["finalizers"] = new JsonArray([.. remaining.Select(f => (JsonNode?)f)]);
            }
        }, subresource: "finalize");
    }
}
