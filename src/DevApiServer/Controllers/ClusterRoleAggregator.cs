using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Api;
using KubeBind.DevApiServer.Selection;
using KubeBind.DevApiServer.Storage;

namespace KubeBind.DevApiServer.Controllers;

/// <summary>
/// ClusterRoles with an <c>aggregationRule</c> get the union of the rules of the ClusterRoles their selectors match.
/// An aggregated role's rules are computed from its sources' computed rules, never from its own stored ones, so the
/// result depends only on the non-aggregated roles and roles that select each other cannot flip-flop.
/// </summary>
internal sealed class ClusterRoleAggregator(ControllerContext context) : IController
{
    private bool _dirty = true;

    public void OnChange(StoreEvent change)
    {
        if (change.Object?.Resource == WellKnown.ClusterRoles)
        {
            _dirty = true;
            Resync();
        }
    }

    public void Resync()
    {
        if (!_dirty)
        {
            return;
        }

        _dirty = false;
        var roles = context.Store.List(WellKnown.ClusterRoles, null).Items
            .ToDictionary(r => r.Name, r => (Stored: r, Json: r.ToJsonObject()), StringComparer.Ordinal);
        var computed = new Dictionary<string, JsonArray>(StringComparer.Ordinal);
        foreach (var (name, (stored, json)) in roles)
        {
            if (json["aggregationRule"] is not JsonObject || stored.Deleting)
            {
                continue;
            }

            var rules = Compute(name, roles, computed, []);
            if (!Meta.DeepEquals(json["rules"] ?? new JsonArray(), rules))
            {
                context.Mutate(stored, live => live["rules"] = rules.DeepClone());
            }
        }
    }

    private static JsonArray Compute(
        string name,
        Dictionary<string, (StoredObject Stored, JsonObject Json)> roles,
        Dictionary<string, JsonArray> computed,
        HashSet<string> visiting)
    {
        if (computed.TryGetValue(name, out var done))
        {
            return done;
        }

        var json = roles[name].Json;
        if (json["aggregationRule"] is not JsonObject rule)
        {
            return json["rules"] as JsonArray ?? [];
        }

        visiting.Add(name);
        var selectors = (rule["clusterRoleSelectors"] as JsonArray)?.OfType<JsonObject>().Select(LabelSelector.FromJson).ToList() ?? [];
        var rules = new JsonArray();
        foreach (var (otherName, other) in roles.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            // A cycle contributes nothing, which keeps the result independent of what was stored before.
            if (visiting.Contains(otherName) || !selectors.Any(s => !s.IsEmpty && s.Matches(other.Stored.Labels)))
            {
                continue;
            }

            foreach (var r in Compute(otherName, roles, computed, visiting).OfType<JsonObject>())
            {
                if (!rules.Any(existing => Meta.DeepEquals(existing, r)))
                {
                    rules.Add(r.DeepClone());
                }
            }
        }

        visiting.Remove(name);
        computed[name] = rules;
        return rules;
    }
}
