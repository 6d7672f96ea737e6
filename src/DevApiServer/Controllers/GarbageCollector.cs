using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Api;
using KubeBind.DevApiServer.Storage;

namespace KubeBind.DevApiServer.Controllers;

/// <summary>
/// Garbage collection through ownerReferences: dependents whose owners are all gone are deleted (background);
/// an owner deleted with <c>Orphan</c> first has its dependents' references removed; one deleted with
/// <c>Foreground</c> waits until its dependents are gone.
/// </summary>
internal sealed class GarbageCollector(ControllerContext context) : IController
{
    private readonly HashSet<string> _pendingOwners = new(StringComparer.Ordinal);

    public void OnChange(StoreEvent change)
    {
        var obj = change.Object!;
        if (change.Type == WatchEventType.Deleted)
        {
            foreach (var dependent in context.Store.Dependents(obj.Uid))
            {
                CollectIfOrphaned(dependent);
            }

            return;
        }

        if (obj.Deleting && (obj.Finalizers.Contains(WellKnown.OrphanFinalizer) || obj.Finalizers.Contains(WellKnown.ForegroundFinalizer)))
        {
            _pendingOwners.Add(obj.Uid);
            Process(obj);
        }

        if (obj.OwnerUids.Count > 0 && (change.Type == WatchEventType.Added || !obj.OwnerUids.SequenceEqual(change.Previous?.OwnerUids ?? [])))
        {
            CollectIfOrphaned(obj);
        }
    }

    public void Resync()
    {
        foreach (var uid in _pendingOwners.ToList())
        {
            var owner = context.Store.GetByUid(uid);
            if (owner is null)
            {
                _pendingOwners.Remove(uid);
                continue;
            }

            Process(owner);
        }
    }

    private void Process(StoredObject owner)
    {
        var dependents = context.Store.Dependents(owner.Uid);
        if (owner.Finalizers.Contains(WellKnown.OrphanFinalizer))
        {
            foreach (var dependent in dependents)
            {
                context.Mutate(dependent, live => RemoveOwner(live, owner.Uid));
            }

            RemoveFinalizer(owner, WellKnown.OrphanFinalizer);
            return;
        }

        if (owner.Finalizers.Contains(WellKnown.ForegroundFinalizer))
        {
            foreach (var dependent in dependents.Where(d => !d.Deleting))
            {
                context.DeleteQuietly(dependent, Registry.DeleteOptions.Foreground);
            }

            if (dependents.Count == 0)
            {
                RemoveFinalizer(owner, WellKnown.ForegroundFinalizer);
            }
        }
    }

    private void CollectIfOrphaned(StoredObject dependent)
    {
        var owners = dependent.OwnerUids.Select(context.Store.GetByUid).ToList();
        if (owners.Count == 0)
        {
            return;
        }

        if (owners.All(o => o is null))
        {
            context.DeleteQuietly(dependent);
        }
        else if (owners.Any(o => o is null))
        {
            var alive = owners.OfType<StoredObject>().Select(o => o.Uid).ToHashSet();
            context.Mutate(dependent, live =>
            {
                if (live.Metadata()["ownerReferences"] is JsonArray refs)
                {
                    live.Metadata()["ownerReferences"] = new JsonArray([.. refs.OfType<JsonObject>().Where(r => alive.Contains(r.GetString("uid") ?? string.Empty)).Select(r => (JsonNode?)r.DeepClone())]);
                }
            });
        }
    }

    private void RemoveFinalizer(StoredObject owner, string finalizer) =>
        context.Mutate(owner, live => live.SetFinalizers(live.Finalizers().Where(f => f != finalizer)));

    private static void RemoveOwner(JsonObject live, string ownerUid)
    {
        if (live.Metadata()["ownerReferences"] is not JsonArray refs)
        {
            return;
        }

        var kept = refs.OfType<JsonObject>().Where(r => r.GetString("uid") != ownerUid).Select(r => (JsonNode?)r.DeepClone()).ToArray();
        if (kept.Length == 0)
        {
            live.Metadata().Remove("ownerReferences");
        }
        else
        {
            live.Metadata()["ownerReferences"] = new JsonArray(kept);
        }
    }
}
