using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Api;
using KubeBind.DevApiServer.Resources;

namespace KubeBind.DevApiServer.Auth;

/// <summary>
/// kube-apiserver's RBAC escalation prevention: a user may only write a Role/ClusterRole whose rules it already holds
/// (or has <c>escalate</c> on it), and may only bind a role whose rules it holds (or has <c>bind</c> on it). Without
/// this, anyone allowed to write RBAC objects could grant itself anything.
/// </summary>
internal sealed class EscalationGuard(RbacAuthorizer authorizer, ApiServerServices services)
{
    /// <summary>Throws Forbidden unless <paramref name="user"/> may create or update the role <paramref name="role"/>.</summary>
    public void CheckRole(UserInfo user, GroupResource resource, JsonObject role, JsonObject? old)
    {
        if (user.IsMaster)
        {
            return;
        }

        var ns = role.Namespace();
        var name = role.Name() ?? string.Empty;
        if (authorizer.Authorize(user, Attributes("escalate", resource.Resource, ns, name)))
        {
            return;
        }

        // An aggregation rule pulls in other roles' rules later, so it cannot be checked against what the user holds.
        if (role["aggregationRule"] is JsonObject || old?["aggregationRule"] is JsonObject)
        {
            throw ApiException.Forbidden(resource, name, "must have cluster-admin privileges to use an aggregationRule");
        }

        var rules = Rules(role);
        var missing = Uncovered(authorizer.RulesFor(user, ns), rules);
        if (missing.Count > 0)
        {
            throw ApiException.Forbidden(resource, name, NotHeld(user, missing));
        }
    }

    /// <summary>Throws Forbidden unless <paramref name="user"/> may create or update the binding <paramref name="binding"/>.</summary>
    public void CheckBinding(UserInfo user, GroupResource resource, JsonObject binding)
    {
        if (user.IsMaster || binding["roleRef"] is not JsonObject roleRef)
        {
            return;
        }

        var ns = binding.Namespace();
        var roleKind = roleRef.GetString("kind");
        var roleName = roleRef.GetString("name") ?? string.Empty;
        var roleResource = roleKind == "Role" ? "roles" : "clusterroles";
        if (authorizer.Authorize(user, Attributes("bind", roleResource, ns, roleName)))
        {
            return;
        }

        var role = roleKind == "Role"
            ? services.Store.Get(WellKnown.Roles, ns, roleName)
            : services.Store.Get(WellKnown.ClusterRoles, null, roleName);
        var missing = role is null ? [] : Uncovered(authorizer.RulesFor(user, ns), Rules(role.ToJsonObject()));
        if (missing.Count > 0)
        {
            throw ApiException.Forbidden(resource, binding.Name() ?? string.Empty, NotHeld(user, missing));
        }
    }

    private static RequestAttributes Attributes(string verb, string resource, string? ns, string name) => new()
    {
        Verb = verb,
        IsResourceRequest = true,
        ApiGroup = BuiltInTypes.Rbac,
        Resource = resource,
        Namespace = ns ?? string.Empty,
        Name = name,
    };

    private static List<PolicyRule> Rules(JsonObject role) =>
        (role["rules"] as JsonArray)?.OfType<JsonObject>().Select(PolicyRule.FromJson).ToList() ?? [];

    /// <summary>The atomic rules of <paramref name="wanted"/> that no rule of <paramref name="held"/> covers (rbac's Covers).</summary>
    private static List<PolicyRule> Uncovered(IReadOnlyList<PolicyRule> held, IReadOnlyList<PolicyRule> wanted)
    {
        var missing = new List<PolicyRule>();
        foreach (var rule in wanted)
        {
            foreach (var atom in Atoms(rule))
            {
                if (!held.Any(owner => Covers(owner, atom)))
                {
                    missing.Add(atom);
                }
            }
        }

        return missing;
    }

    private static IEnumerable<PolicyRule> Atoms(PolicyRule rule)
    {
        foreach (var verb in rule.Verbs)
        {
            foreach (var url in rule.NonResourceUrls)
            {
                yield return new PolicyRule([verb], [], [], [], [url]);
            }

            foreach (var group in rule.ApiGroups)
            {
                foreach (var resource in rule.Resources)
                {
                    if (rule.ResourceNames.Count == 0)
                    {
                        yield return new PolicyRule([verb], [group], [resource], [], []);
                        continue;
                    }

                    foreach (var name in rule.ResourceNames)
                    {
                        yield return new PolicyRule([verb], [group], [resource], [name], []);
                    }
                }
            }
        }
    }

    private static bool Covers(PolicyRule owner, PolicyRule atom)
    {
        var verb = atom.Verbs[0];
        if (!owner.Verbs.Contains("*") && !owner.Verbs.Contains(verb))
        {
            return false;
        }

        if (atom.NonResourceUrls.Count > 0)
        {
            var url = atom.NonResourceUrls[0];
            return owner.NonResourceUrls.Any(o => o == url || o == "*" || (o.EndsWith('*') && url.StartsWith(o[..^1], StringComparison.Ordinal)));
        }

        var group = atom.ApiGroups[0];
        var resource = atom.Resources[0];
        var slash = resource.IndexOf('/', StringComparison.Ordinal);
        return (owner.ApiGroups.Contains("*") || owner.ApiGroups.Contains(group))
            && (owner.Resources.Contains("*") || owner.Resources.Contains(resource) || (slash > 0 && owner.Resources.Contains("*" + resource[slash..])))
            && (owner.ResourceNames.Count == 0 || (atom.ResourceNames.Count == 1 && owner.ResourceNames.Contains(atom.ResourceNames[0])));
    }

    private static string NotHeld(UserInfo user, List<PolicyRule> missing)
    {
        static string List(IReadOnlyList<string> values) => "[" + string.Join(" ", values.Select(v => $"\"{v}\"")) + "]";
        var rules = missing.Select(r => r.NonResourceUrls.Count > 0
            ? $"{{NonResourceURLs:{List(r.NonResourceUrls)}, Verbs:{List(r.Verbs)}}}"
            : $"{{APIGroups:{List(r.ApiGroups)}, Resources:{List(r.Resources)}{(r.ResourceNames.Count > 0 ? $", ResourceNames:{List(r.ResourceNames)}" : string.Empty)}, Verbs:{List(r.Verbs)}}}");
        return $"user \"{user.Name}\" (groups={List(user.Groups)}) is attempting to grant RBAC permissions not currently held:\n{string.Join("\n", rules)}";
    }
}
