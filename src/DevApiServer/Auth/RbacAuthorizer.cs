using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Api;

namespace KubeBind.DevApiServer.Auth;

/// <summary>
/// RBAC as kube-apiserver enforces it: system:masters may do anything; everyone else gets the union of the rules
/// of the ClusterRoleBindings and (in the request's namespace) RoleBindings whose subjects match. Bindings are
/// parsed into an index that is rebuilt only after an RBAC object changed.
/// </summary>
internal sealed class RbacAuthorizer
{
    private readonly ApiServerServices _services;
    private readonly Lock _lock = new();
    private Index? _index;

    public RbacAuthorizer(ApiServerServices services) => _services = services;

    public bool Authorize(UserInfo user, RequestAttributes request) =>
        user.IsMaster || RulesFor(user, request.Namespace).Any(rule => rule.Allows(request));

    /// <summary>kube-apiserver's Forbidden reason for a denied request.</summary>
    public static string DenialReason(UserInfo user, RequestAttributes request)
    {
        if (!request.IsResourceRequest)
        {
            return $"User \"{user.Name}\" cannot {request.Verb} path \"{request.Path}\"";
        }

        var resource = string.IsNullOrEmpty(request.Subresource) ? request.Resource : $"{request.Resource}/{request.Subresource}";
        var scope = string.IsNullOrEmpty(request.Namespace) ? "at the cluster scope" : $"in the namespace \"{request.Namespace}\"";
        return $"User \"{user.Name}\" cannot {request.Verb} resource \"{resource}\" in API group \"{request.ApiGroup}\" {scope}";
    }

    /// <summary>Every rule that applies to <paramref name="user"/> in <paramref name="ns"/> (cluster-wide ones included).</summary>
    public IReadOnlyList<PolicyRule> RulesFor(UserInfo user, string? ns)
    {
        var index = CurrentIndex();
        var rules = new List<PolicyRule>();
        foreach (var binding in index.ClusterBindings)
        {
            if (binding.AppliesTo(user, null))
            {
                rules.AddRange(index.ClusterRoleRules(binding.RoleName));
            }
        }

        if (!string.IsNullOrEmpty(ns) && index.NamespaceBindings.TryGetValue(ns, out var bindings))
        {
            foreach (var binding in bindings)
            {
                if (binding.AppliesTo(user, ns))
                {
                    rules.AddRange(binding.RoleKind == "ClusterRole" ? index.ClusterRoleRules(binding.RoleName) : index.RoleRules(ns, binding.RoleName));
                }
            }
        }

        return rules;
    }

    private Index CurrentIndex()
    {
        var version = _services.Store.LastChange(WellKnown.Roles, WellKnown.ClusterRoles, WellKnown.RoleBindings, WellKnown.ClusterRoleBindings);
        lock (_lock)
        {
            if (_index is null || _index.Version != version)
            {
                _index = Build(version);
            }

            return _index;
        }
    }

    private Index Build(long version)
    {
        var store = _services.Store;
        var index = new Index(version);
        foreach (var role in store.List(WellKnown.ClusterRoles, null).Items)
        {
            index.ClusterRoles[role.Name] = Rules(role.ToJsonObject());
        }

        foreach (var role in store.List(WellKnown.Roles, null).Items)
        {
            index.Roles[(role.Namespace, role.Name)] = Rules(role.ToJsonObject());
        }

        foreach (var binding in store.List(WellKnown.ClusterRoleBindings, null).Items)
        {
            index.ClusterBindings.Add(Binding.FromJson(binding.ToJsonObject()));
        }

        foreach (var binding in store.List(WellKnown.RoleBindings, null).Items)
        {
            if (!index.NamespaceBindings.TryGetValue(binding.Namespace, out var list))
            {
                list = [];
                index.NamespaceBindings[binding.Namespace] = list;
            }

            list.Add(Binding.FromJson(binding.ToJsonObject()));
        }

        return index;
    }

    private static List<PolicyRule> Rules(JsonObject role) =>
        (role["rules"] as JsonArray)?.OfType<JsonObject>().Select(PolicyRule.FromJson).ToList() ?? [];

    private sealed class Index(long version)
    {
        public long Version { get; } = version;

        public Dictionary<string, List<PolicyRule>> ClusterRoles { get; } = new(StringComparer.Ordinal);

        public Dictionary<(string Namespace, string Name), List<PolicyRule>> Roles { get; } = [];

        public List<Binding> ClusterBindings { get; } = [];

        public Dictionary<string, List<Binding>> NamespaceBindings { get; } = new(StringComparer.Ordinal);

        public List<PolicyRule> ClusterRoleRules(string name) => ClusterRoles.GetValueOrDefault(name) ?? [];

        public List<PolicyRule> RoleRules(string ns, string name) => Roles.GetValueOrDefault((ns, name)) ?? [];
    }

    private sealed record Binding(string RoleKind, string RoleName, IReadOnlyList<(string Kind, string Name, string Namespace)> Subjects)
    {
        public static Binding FromJson(JsonObject binding)
        {
            var roleRef = binding["roleRef"] as JsonObject;
            var subjects = (binding["subjects"] as JsonArray)?.OfType<JsonObject>()
                .Select(s => (s.GetString("kind") ?? string.Empty, s.GetString("name") ?? string.Empty, s.GetString("namespace") ?? string.Empty))
                .ToList() ?? [];
            return new Binding(roleRef?.GetString("kind") ?? string.Empty, roleRef?.GetString("name") ?? string.Empty, subjects);
        }

        public bool AppliesTo(UserInfo user, string? bindingNamespace) => Subjects.Any(s => s.Kind switch
        {
            "User" => s.Name == user.Name,
            "Group" => user.Groups.Contains(s.Name),
            // A ServiceAccount subject without namespace in a RoleBinding means the binding's namespace.
            "ServiceAccount" => user.Name == $"system:serviceaccount:{(string.IsNullOrEmpty(s.Namespace) ? bindingNamespace : s.Namespace)}:{s.Name}",
            _ => false,
        });
    }
}
