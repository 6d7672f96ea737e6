using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Api;

namespace KubeBind.DevApiServer.Resources.Strategies;

/// <summary>RoleBindings and ClusterRoleBindings: roleRef required and immutable, subjects well-formed.</summary>
internal sealed class RoleBindingStrategy : KnownFieldsStrategy
{
    private readonly bool _clusterScoped;

    public RoleBindingStrategy(bool clusterScoped)
        : base("subjects", "roleRef") => _clusterScoped = clusterScoped;

    public override void PrepareForCreate(JsonObject obj, WriteContext context) =>
        context.Services.Escalation.CheckBinding(context.User, _clusterScoped ? WellKnown.ClusterRoleBindings : WellKnown.RoleBindings, obj);

    public override void PrepareForUpdate(JsonObject updated, JsonObject old, WriteContext context) =>
        context.Services.Escalation.CheckBinding(context.User, _clusterScoped ? WellKnown.ClusterRoleBindings : WellKnown.RoleBindings, updated);

    public override IEnumerable<StatusCause> Validate(JsonObject obj, JsonObject? old, WriteContext context)
    {
        if (obj["roleRef"] is not JsonObject roleRef)
        {
            yield return StatusCause.Required("roleRef");
        }
        else
        {
            var kind = roleRef.GetString("kind") ?? string.Empty;
            string[] kinds = _clusterScoped ? ["ClusterRole"] : ["Role", "ClusterRole"];
            if (!kinds.Contains(kind))
            {
                yield return StatusCause.NotSupported("roleRef.kind", kind, kinds);
            }

            if (roleRef.GetString("apiGroup") != BuiltInTypes.Rbac)
            {
                yield return StatusCause.NotSupported("roleRef.apiGroup", roleRef.GetString("apiGroup") ?? string.Empty, [BuiltInTypes.Rbac]);
            }

            if (string.IsNullOrEmpty(roleRef.GetString("name")))
            {
                yield return StatusCause.Required("roleRef.name");
            }

            if (old?["roleRef"] is JsonObject oldRef && !Meta.DeepEquals(oldRef, roleRef))
            {
                yield return StatusCause.Invalid("roleRef", roleRef.ToJsonString(), "cannot change roleRef");
            }
        }

        if (obj["subjects"] is not JsonArray subjects)
        {
            yield break;
        }

        for (var i = 0; i < subjects.Count; i++)
        {
            var field = $"subjects[{i}]";
            if (subjects[i] is not JsonObject subject)
            {
                yield return StatusCause.Invalid(field, subjects[i]?.ToJsonString() ?? "null", "must be an object");
                continue;
            }

            var kind = subject.GetString("kind") ?? string.Empty;
            if (string.IsNullOrEmpty(subject.GetString("name")))
            {
                yield return StatusCause.Required($"{field}.name");
            }

            switch (kind)
            {
                case "ServiceAccount":
                    if (_clusterScoped && string.IsNullOrEmpty(subject.GetString("namespace")))
                    {
                        yield return StatusCause.Required($"{field}.namespace");
                    }

                    break;
                case "User" or "Group":
                    break;
                default:
                    yield return StatusCause.NotSupported($"{field}.kind", kind, ["ServiceAccount", "User", "Group"]);
                    break;
            }
        }
    }
}
