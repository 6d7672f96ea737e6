using KubeBind.DevApiServer.Api;
using KubeBind.DevApiServer.Resources.Strategies;
using KubeBind.DevApiServer.Storage;

namespace KubeBind.DevApiServer.Controllers;

/// <summary>
/// Deleting a CRD deletes all of its custom resources; when none is left the cleanup finalizer is removed and
/// the CRD (and the API it served) goes away.
/// </summary>
internal sealed class CrdCleanupController(ControllerContext context) : IController
{
    private readonly HashSet<string> _terminating = new(StringComparer.Ordinal);

    public void OnChange(StoreEvent change)
    {
        var obj = change.Object!;
        if (obj.Resource == WellKnown.CustomResourceDefinitions && change.Type != WatchEventType.Deleted && obj.Deleting)
        {
            _terminating.Add(obj.Name);
            Cleanup(obj.Name);
        }
    }

    public void Resync()
    {
        foreach (var name in _terminating.ToList())
        {
            Cleanup(name);
        }
    }

    private void Cleanup(string name)
    {
        var crd = context.Store.Get(WellKnown.CustomResourceDefinitions, null, name);
        if (crd is null || !crd.Deleting)
        {
            _terminating.Remove(name);
            return;
        }

        var json = crd.ToJsonObject();
        var spec = json["spec"] as System.Text.Json.Nodes.JsonObject;
        var plural = (spec?["names"] as System.Text.Json.Nodes.JsonObject)?.GetString("plural") ?? string.Empty;
        var resource = new GroupResource(spec?.GetString("group") ?? string.Empty, plural);
        var instances = context.Store.List(resource, null).Items;
        foreach (var instance in instances.Where(i => !i.Deleting))
        {
            context.DeleteQuietly(instance);
        }

        if (instances.Count == 0)
        {
            context.Mutate(crd, live => live.SetFinalizers(live.Finalizers().Where(f => f != CrdStrategy.CleanupFinalizer)));
        }
    }
}
