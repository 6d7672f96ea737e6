using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Api;
using KubeBind.DevApiServer.Registry;
using KubeBind.DevApiServer.Resources;

namespace KubeBind.DevApiServer.Hosting;

/// <summary>
/// What a fresh cluster has before anyone talks to it: the four system namespaces (kube-system with a stable
/// uid, the cluster's identity for kube-bind) and the default RBAC roles and bindings kube-apiserver bootstraps.
/// </summary>
internal static class Bootstrap
{
    private const string AggregateToAdmin = "rbac.authorization.k8s.io/aggregate-to-admin";
    private const string AggregateToEdit = "rbac.authorization.k8s.io/aggregate-to-edit";
    private const string AggregateToView = "rbac.authorization.k8s.io/aggregate-to-view";

    public static void Run(ApiServerServices services, ObjectService objects, string kubeSystemUid)
    {
        var options = new WriteOptions(Auth.UserInfo.System) { FieldManager = "kube-apiserver" };
        var snapshot = services.Registry.Current;
        var namespaces = snapshot.Find(string.Empty, "v1", "namespaces")!;
        foreach (var name in new[] { "default", "kube-system", "kube-public", "kube-node-lease" })
        {
            var ns = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = name } };
            if (name == "kube-system")
            {
                // The store keeps whatever uid the object carries; create through the registry dry, then pin the uid.
                var prepared = objects.Create(namespaces, null, ns, options with { DryRun = true }).Object;
                prepared.Metadata()["uid"] = kubeSystemUid;
                services.Store.Create(WellKnown.Namespaces, prepared);
            }
            else
            {
                objects.Create(namespaces, null, ns, options);
            }
        }

        var clusterRoles = snapshot.Find(BuiltInTypes.Rbac, "v1", "clusterroles")!;
        var bindings = snapshot.Find(BuiltInTypes.Rbac, "v1", "clusterrolebindings")!;
        foreach (var role in ClusterRoles())
        {
            objects.Create(clusterRoles, null, role, options);
        }

        foreach (var binding in ClusterRoleBindings())
        {
            objects.Create(bindings, null, binding, options);
        }
    }

    private static IEnumerable<JsonObject> ClusterRoles()
    {
        yield return Role("cluster-admin", null, Rule(["*"], ["*"], ["*"]), NonResource(["*"], ["*"]));
        yield return Role(
            "system:discovery",
            null,
            NonResource(["get"], ["/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi", "/openapi/*", "/readyz", "/version", "/version/"]));
        yield return Role("system:public-info-viewer", null, NonResource(["get"], ["/healthz", "/livez", "/readyz", "/version", "/version/"]));
        yield return Role(
            "system:basic-user",
            null,
            Rule(["create"], [BuiltInTypes.Authorization], ["selfsubjectaccessreviews", "selfsubjectrulesreviews"]),
            Rule(["create"], [BuiltInTypes.Authentication], ["selfsubjectreviews"]));
        yield return Role(
            "system:auth-delegator",
            null,
            Rule(["create"], [BuiltInTypes.Authentication], ["tokenreviews"]),
            Rule(["create"], [BuiltInTypes.Authorization], ["subjectaccessreviews"]));

        string[] read = ["get", "list", "watch"];
        string[] write = ["create", "delete", "deletecollection", "patch", "update"];
        yield return Role(
            "system:aggregate-to-view",
            AggregateToView,
            Rule(read, [string.Empty], ["configmaps", "serviceaccounts", "events", "namespaces"]),
            Rule(read, [BuiltInTypes.Coordination], ["leases"]));
        yield return Role(
            "system:aggregate-to-edit",
            AggregateToEdit,
            Rule([.. read, .. write], [string.Empty], ["configmaps", "secrets", "serviceaccounts", "events"]),
            Rule(["create"], [string.Empty], ["serviceaccounts/token"]),
            Rule([.. read, .. write], [BuiltInTypes.Coordination], ["leases"]));
        yield return Role(
            "system:aggregate-to-admin",
            AggregateToAdmin,
            Rule([.. read, .. write], [BuiltInTypes.Rbac], ["roles", "rolebindings"]),
            Rule(["create"], [BuiltInTypes.Authorization], ["localsubjectaccessreviews"]));
        yield return Aggregated("admin", AggregateToAdmin);
        yield return Aggregated("edit", AggregateToEdit, AggregateToAdmin);
        yield return Aggregated("view", AggregateToView, AggregateToEdit);
    }

    private static IEnumerable<JsonObject> ClusterRoleBindings()
    {
        yield return Binding("cluster-admin", "cluster-admin", Auth.UserInfo.MastersGroup);
        yield return Binding("system:discovery", "system:discovery", Auth.UserInfo.AuthenticatedGroup);
        yield return Binding("system:basic-user", "system:basic-user", Auth.UserInfo.AuthenticatedGroup);
        yield return Binding("system:public-info-viewer", "system:public-info-viewer", Auth.UserInfo.AuthenticatedGroup, Auth.UserInfo.UnauthenticatedGroup);
    }

    private static JsonObject Role(string name, string? aggregateLabel, params JsonObject[] rules)
    {
        var role = Object("ClusterRole", name, aggregateLabel);
        role["rules"] = new JsonArray([.. rules]);
        return role;
    }

    private static JsonObject Aggregated(string name, params string[] labels)
    {
        var role = Object("ClusterRole", name, labels.Length > 1 ? labels[1] : null);
        role["aggregationRule"] = new JsonObject
        {
            ["clusterRoleSelectors"] = new JsonArray(new JsonObject { ["matchLabels"] = new JsonObject { [labels[0]] = "true" } }),
        };
        role["rules"] = new JsonArray();
        return role;
    }

    private static JsonObject Binding(string name, string role, params string[] groups)
    {
        var binding = Object("ClusterRoleBinding", name, null);
        binding["roleRef"] = new JsonObject { ["apiGroup"] = BuiltInTypes.Rbac, ["kind"] = "ClusterRole", ["name"] = role };
        binding["subjects"] = new JsonArray([.. groups.Select(g => (JsonNode?)new JsonObject { ["apiGroup"] = BuiltInTypes.Rbac, ["kind"] = "Group", ["name"] = g })]);
        return binding;
    }

    private static JsonObject Object(string kind, string name, string? aggregateLabel)
    {
        var labels = new JsonObject { ["kubernetes.io/bootstrapping"] = "rbac-defaults" };
        if (aggregateLabel is not null)
        {
            labels[aggregateLabel] = "true";
        }

        return new JsonObject
        {
            ["apiVersion"] = $"{BuiltInTypes.Rbac}/v1",
            ["kind"] = kind,
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["labels"] = labels,
                ["annotations"] = new JsonObject { ["rbac.authorization.kubernetes.io/autoupdate"] = "true" },
            },
        };
    }

    private static JsonObject Rule(string[] verbs, string[] groups, string[] resources) => new()
    {
        ["apiGroups"] = new JsonArray([.. groups.Select(g => (JsonNode?)g)]),
        ["resources"] = new JsonArray([.. resources.Select(r => (JsonNode?)r)]),
        ["verbs"] = new JsonArray([.. verbs.Select(v => (JsonNode?)v)]),
    };

    private static JsonObject NonResource(string[] verbs, string[] urls) => new()
    {
        ["nonResourceURLs"] = new JsonArray([.. urls.Select(u => (JsonNode?)u)]),
        ["verbs"] = new JsonArray([.. verbs.Select(v => (JsonNode?)v)]),
    };
}
