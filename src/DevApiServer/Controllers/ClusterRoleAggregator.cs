using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Api;
using KubeBind.DevApiServer.Selection;
using KubeBind.DevApiServer.Storage;

namespace KubeBind.DevApiServer.Controllers;

/// <summary>ClusterRoles with an <c>aggregationRule</c> get the union of the rules of the ClusterRoles their selectors match.</summary>
internal sealed class ClusterRoleAggregator(ControllerContext context) : IController
{
    public void OnChange(StoreEvent change)
    {
        if (change.Object?.Resource == WellKnown.ClusterRoles)
        {
            Aggregate();
        }
    }

    public void Resync()
    {
    }

    private void Aggregate()
    {
        var roles = context.Store.List(WellKnown.ClusterRoles, null).Items.Select(r => (Stored: r, Json: r.ToJsonObject())).ToList();
        foreach (var (stored, json) in roles)
        {
            if (json["aggregationRule"] is not JsonObject rule || stored.Deleting)
            {
                continue;
            }

            var selectors = (rule["clusterRoleSelectors"] as JsonArray)?.OfType<JsonObject>().Select(LabelSelector.FromJson).ToList() ?? [];
            var rules = new JsonArray();
            foreach (var (other, otherJson) in roles)
            {
                if (other.Name == stored.Name || !selectors.Any(s => !s.IsEmpty && s.Matches(other.Labels)))
                {
                    continue;
                }

                foreach (var r in (otherJson["rules"] as JsonArray)?.OfType<JsonObject>() ?? [])
                {
                    if (!rules.Any(existing => Meta.DeepEquals(existing, r)))
                    {
                        rules.Add(r.DeepClone());
                    }
                }
            }

            if (!Meta.DeepEquals(json["rules"] ?? new JsonArray(), rules))
            {
                context.Mutate(stored, live => live["rules"] = rules.DeepClone());
            }
        }
    }
}
