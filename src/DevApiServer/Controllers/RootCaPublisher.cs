using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Api;
using KubeBind.DevApiServer.Registry;
using KubeBind.DevApiServer.Storage;

namespace KubeBind.DevApiServer.Controllers;

/// <summary>Every namespace gets the <c>kube-root-ca.crt</c> ConfigMap with the cluster CA, kept as published.</summary>
internal sealed class RootCaPublisher(ControllerContext context) : FullPassController
{
    public const string Name = "kube-root-ca.crt";

    private static readonly GroupResource ConfigMaps = new(string.Empty, "configmaps");

    protected override void FullPass()
    {
        foreach (var ns in context.Store.List(WellKnown.Namespaces, null).Items)
        {
            Publish(ns.Name);
        }
    }

    protected override void Handle(StoreEvent change)
    {
        var obj = change.Object!;
        if (obj.Resource == WellKnown.Namespaces && change.Type == WatchEventType.Added)
        {
            Publish(obj.Name);
        }
        else if (obj.Resource == ConfigMaps && obj.Name == Name)
        {
            Publish(obj.Namespace);
        }
    }

    private void Publish(string ns)
    {
        var namespaceObject = context.Store.Get(WellKnown.Namespaces, null, ns);
        if (namespaceObject is null || namespaceObject.Deleting)
        {
            return;
        }

        var ca = context.Services.Identity.CaPem;
        var existing = context.Store.Get(ConfigMaps, ns, Name);
        if (existing is null)
        {
            try
            {
                context.Objects.Create(context.TypeOf(ConfigMaps)!, ns, new JsonObject
                {
                    ["apiVersion"] = "v1",
                    ["kind"] = "ConfigMap",
                    ["metadata"] = new JsonObject { ["name"] = Name, ["namespace"] = ns },
                    ["data"] = new JsonObject { ["ca.crt"] = ca },
                }, WriteOptions.System);
            }
            catch (ApiException e) when (e.Reason is "AlreadyExists" or "NotFound" or "Forbidden")
            {
                // Published meanwhile, or the namespace is going away.
            }

            return;
        }

        if ((existing.ToJsonObject()["data"] as JsonObject)?.GetString("ca.crt") != ca)
        {
            context.Mutate(existing, live => live["data"] = new JsonObject { ["ca.crt"] = ca });
        }
    }
}
