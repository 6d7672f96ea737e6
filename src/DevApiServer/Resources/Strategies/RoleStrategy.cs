using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Api;

namespace KubeBind.DevApiServer.Resources.Strategies;

/// <summary>Roles and ClusterRoles: rule shape validation as kube-apiserver's RBAC validation does it.</summary>
internal sealed class RoleStrategy : KnownFieldsStrategy
{
    private readonly bool _clusterScoped;

    public RoleStrategy(bool clusterScoped)
        : base(clusterScoped ? ["rules", "aggregationRule"] : ["rules"]) => _clusterScoped = clusterScoped;

    public override void PrepareForCreate(JsonObject obj, WriteContext context) =>
        context.Services.Escalation.CheckRole(context.User, _clusterScoped ? WellKnown.ClusterRoles : WellKnown.Roles, obj, null);

    public override void PrepareForUpdate(JsonObject updated, JsonObject old, WriteContext context) =>
        context.Services.Escalation.CheckRole(context.User, _clusterScoped ? WellKnown.ClusterRoles : WellKnown.Roles, updated, old);

    public override IEnumerable<StatusCause> Validate(JsonObject obj, JsonObject? old, WriteContext context)
    {
        if (obj["rules"] is not JsonArray rules)
        {
            yield break;
        }

        for (var i = 0; i < rules.Count; i++)
        {
            var field = $"rules[{i}]";
            if (rules[i] is not JsonObject rule)
            {
                yield return StatusCause.Invalid(field, rules[i]?.ToJsonString() ?? "null", "must be an object");
                continue;
            }

            if (Meta.StringList(rule["verbs"]).Count == 0)
            {
                yield return StatusCause.Required($"{field}.verbs", "verbs must contain at least one value");
            }

            var nonResource = Meta.StringList(rule["nonResourceURLs"]);
            var resources = Meta.StringList(rule["resources"]);
            if (nonResource.Count > 0)
            {
                if (!_clusterScoped)
                {
                    yield return StatusCause.Invalid($"{field}.nonResourceURLs", string.Join(",", nonResource), "namespaced rules cannot apply to non-resource URLs");
                }

                if (resources.Count > 0 || Meta.StringList(rule["apiGroups"]).Count > 0 || Meta.StringList(rule["resourceNames"]).Count > 0)
                {
                    yield return StatusCause.Invalid($"{field}.nonResourceURLs", string.Join(",", nonResource), "rules cannot apply to both regular resources and non-resource URLs");
                }
            }
            else
            {
                if (rule["apiGroups"] is null || Meta.StringList(rule["apiGroups"]).Count == 0)
                {
                    yield return StatusCause.Required($"{field}.apiGroups", "resource rules must supply at least one api group");
                }

                if (resources.Count == 0)
                {
                    yield return StatusCause.Required($"{field}.resources", "resource rules must supply at least one resource");
                }
            }
        }
    }
}
