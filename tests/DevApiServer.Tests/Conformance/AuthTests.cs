using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KubeBind.Kubernetes.Models;
using KubeBind.Testing;

namespace KubeBind.DevApiServer.Tests.Conformance;

/// <summary>Authentication and RBAC: the tenant isolation kube-bind relies on when it hands out service account kubeconfigs.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AuthTests(TestCluster cluster)
{
    private static readonly GroupVersionResource ServiceAccounts = new(string.Empty, "v1", "serviceaccounts");
    private static readonly GroupVersionResource Roles = new("rbac.authorization.k8s.io", "v1", "roles");
    private static readonly GroupVersionResource RoleBindings = new("rbac.authorization.k8s.io", "v1", "rolebindings");

    private ClusterClient Client => cluster.Client;

    [Fact]
    public async Task InvalidToken_IsUnauthorized()
    {
        var response = await Client.WithToken("not-a-token").GetAsync("/api/v1/namespaces");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ServiceAccountToken_IsForbiddenWithoutBindings_AndAllowedInItsNamespaceOnly()
    {
        var ns = await cluster.CreateNamespaceAsync("tenant");
        var other = await cluster.CreateNamespaceAsync("other");
        var token = await ServiceAccountTokenAsync(ns, "reader");
        using var tenant = Client.WithToken(token);

        var before = await tenant.GetAsync(Objects.ConfigMaps(ns));
        await GrantAsync(ns, "reader", ["get", "list", "watch"], ["configmaps"]);
        var after = await tenant.GetAsync(Objects.ConfigMaps(ns));
        var elsewhere = await tenant.GetAsync(Objects.ConfigMaps(other));
        var write = await tenant.PostAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("nope"));

        Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
        Assert.Equal("Forbidden", before.Reason);
        Assert.Contains($"system:serviceaccount:{ns}:reader", before.Body["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }

    [Fact]
    public async Task ResourceNames_RestrictAccessToNamedObjects()
    {
        var ns = await cluster.CreateNamespaceAsync();
        await Client.CreateAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("allowed"));
        await Client.CreateAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("secret-ish"));
        var token = await ServiceAccountTokenAsync(ns, "narrow");
        await GrantAsync(ns, "narrow", ["get"], ["configmaps"], resourceNames: ["allowed"]);
        using var narrow = Client.WithToken(token);

        Assert.Equal(HttpStatusCode.OK, (await narrow.GetAsync($"{Objects.ConfigMaps(ns)}/allowed")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await narrow.GetAsync($"{Objects.ConfigMaps(ns)}/secret-ish")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await narrow.GetAsync(Objects.ConfigMaps(ns))).StatusCode);
    }

    [Fact]
    public async Task AggregatedClusterRole_PicksUpRulesOfLabelledRoles()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var label = $"example.com/aggregate-{TestCluster.UniqueName("to")}";
        var aggregate = TestCluster.UniqueName("aggregate");
        var piece = TestCluster.UniqueName("piece");
        await Client.CreateAsync("/apis/rbac.authorization.k8s.io/v1/clusterroles", new JsonObject
        {
            ["apiVersion"] = "rbac.authorization.k8s.io/v1",
            ["kind"] = "ClusterRole",
            ["metadata"] = new JsonObject { ["name"] = aggregate },
            ["aggregationRule"] = new JsonObject { ["clusterRoleSelectors"] = new JsonArray(new JsonObject { ["matchLabels"] = new JsonObject { [label] = "true" } }) },
        });
        cluster.DeleteLater($"/apis/rbac.authorization.k8s.io/v1/clusterroles/{aggregate}");
        await Client.CreateAsync("/apis/rbac.authorization.k8s.io/v1/clusterroles", ClusterRole(piece, ["list"], ["secrets"], new JsonObject { [label] = "true" }));
        cluster.DeleteLater($"/apis/rbac.authorization.k8s.io/v1/clusterroles/{piece}");
        var token = await ServiceAccountTokenAsync(ns, "aggregated");
        await BindAsync(ns, "aggregated", "ClusterRole", aggregate);

        await WaitFor.ConditionAsync(
            async () => (await Client.WithToken(token).GetAsync($"/api/v1/namespaces/{ns}/secrets")).IsSuccess,
            "the aggregated rule to take effect");
        var role = (await Client.GetAsync($"/apis/rbac.authorization.k8s.io/v1/clusterroles/{aggregate}")).EnsureSuccess().Body;
        Assert.Single(role["rules"]!.AsArray());
    }

    [Fact]
    public async Task ServiceAccountTokenSecret_IsFilled_AndItsTokenWorksUntilDeleted()
    {
        var ns = await cluster.CreateNamespaceAsync();
        await cluster.Kube.Resource(ServiceAccounts).CreateAsync(ServiceAccount("legacy"), ns);
        await Client.CreateAsync($"/api/v1/namespaces/{ns}/secrets", new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["type"] = "kubernetes.io/service-account-token",
            ["metadata"] = new JsonObject
            {
                ["name"] = "legacy-token",
                ["annotations"] = new JsonObject { ["kubernetes.io/service-account.name"] = "legacy" },
            },
        });

        var secret = await WaitFor.ValueAsync(
            async () => (await Client.GetAsync($"/api/v1/namespaces/{ns}/secrets/legacy-token")).Body is var s && s["data"]?["token"] is not null ? s : null,
            "the token controller to fill the secret");
        var token = Encoding.UTF8.GetString(Convert.FromBase64String(secret["data"]!["token"]!.GetValue<string>()));
        var review = await SelfReviewAsync(token);
        (await Client.DeleteAsync($"/api/v1/namespaces/{ns}/secrets/legacy-token")).EnsureSuccess();

        Assert.Equal(ns, Encoding.UTF8.GetString(Convert.FromBase64String(secret["data"]!["namespace"]!.GetValue<string>())));
        Assert.Contains("BEGIN CERTIFICATE", Encoding.UTF8.GetString(Convert.FromBase64String(secret["data"]!["ca.crt"]!.GetValue<string>())), StringComparison.Ordinal);
        Assert.Equal($"system:serviceaccount:{ns}:legacy", review);
        await WaitFor.ConditionAsync(
            async () => (await Client.WithToken(token).GetAsync("/api")).StatusCode == HttpStatusCode.Unauthorized,
            "the token to stop working once its secret is gone");
    }

    [Fact]
    public async Task SelfSubjectAccessReview_AnswersForTheCaller()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var token = await ServiceAccountTokenAsync(ns, "asker");
        await GrantAsync(ns, "asker", ["get"], ["configmaps"]);

        var yes = await AccessReviewAsync(token, ns, "get", "configmaps");
        var no = await AccessReviewAsync(token, ns, "delete", "configmaps");

        Assert.True(yes);
        Assert.False(no);
    }

    [Fact]
    public async Task TokenReview_AuthenticatesServiceAccountTokens()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var token = await ServiceAccountTokenAsync(ns, "reviewed");

        var review = (await Client.PostAsync("/apis/authentication.k8s.io/v1/tokenreviews", new JsonObject
        {
            ["apiVersion"] = "authentication.k8s.io/v1",
            ["kind"] = "TokenReview",
            ["spec"] = new JsonObject { ["token"] = token },
        })).EnsureSuccess().Body;
        var bogus = (await Client.PostAsync("/apis/authentication.k8s.io/v1/tokenreviews", new JsonObject
        {
            ["apiVersion"] = "authentication.k8s.io/v1",
            ["kind"] = "TokenReview",
            ["spec"] = new JsonObject { ["token"] = "garbage" },
        })).EnsureSuccess().Body;

        Assert.True(review["status"]!["authenticated"]!.GetValue<bool>());
        Assert.Equal($"system:serviceaccount:{ns}:reviewed", review["status"]!["user"]!["username"]!.GetValue<string>());
        Assert.Contains($"system:serviceaccounts:{ns}", review["status"]!["user"]!["groups"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.False(bogus["status"]!["authenticated"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Impersonation_AppliesTheImpersonatedUsersPermissions()
    {
        var ns = await cluster.CreateNamespaceAsync();
        await cluster.Kube.Resource(ServiceAccounts).CreateAsync(ServiceAccount("someone"), ns);
        var headers = new Dictionary<string, string> { ["Impersonate-User"] = $"system:serviceaccount:{ns}:someone" };

        var response = await Client.SendAsync(HttpMethod.Get, Objects.ConfigMaps(ns), headers: headers);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task TokenForAnotherAudience_IsNotAnApiCredential()
    {
        var ns = await cluster.CreateNamespaceAsync();
        await cluster.Kube.Resource(ServiceAccounts).CreateAsync(ServiceAccount("aud"), ns);
        var request = (await Client.PostAsync($"/api/v1/namespaces/{ns}/serviceaccounts/aud/token", new JsonObject
        {
            ["apiVersion"] = "authentication.k8s.io/v1",
            ["kind"] = "TokenRequest",
            ["spec"] = new JsonObject { ["audiences"] = new JsonArray("https://somewhere-else.example.com") },
        })).EnsureSuccess().Body;

        var response = await Client.WithToken(request["status"]!["token"]!.GetValue<string>()).GetAsync("/api");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RbacWrites_CannotGrantPermissionsTheWriterDoesNotHold()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var token = await ServiceAccountTokenAsync(ns, "delegate");
        await cluster.Kube.Resource(Roles).CreateAsync(Role("delegate", [
            Rule([string.Empty], ["configmaps"], ["get"]),
            Rule(["rbac.authorization.k8s.io"], ["roles", "rolebindings"], ["create", "get"]),
            Rule(["rbac.authorization.k8s.io"], ["clusterroles"], ["bind"], ["view"]),
        ]), ns);
        await BindAsync(ns, "delegate", "Role", "delegate");
        using var delegated = Client.WithToken(token);

        var held = await delegated.PostAsync($"/apis/rbac.authorization.k8s.io/v1/namespaces/{ns}/roles", Role("held", [Rule([string.Empty], ["configmaps"], ["get"])]));
        var escalation = await delegated.PostAsync($"/apis/rbac.authorization.k8s.io/v1/namespaces/{ns}/roles", Role("escalate", [Rule([string.Empty], ["secrets"], ["get"])]));
        var bindAdmin = await delegated.PostAsync($"/apis/rbac.authorization.k8s.io/v1/namespaces/{ns}/rolebindings", Binding("to-admin", "ClusterRole", "admin", ns));
        var bindView = await delegated.PostAsync($"/apis/rbac.authorization.k8s.io/v1/namespaces/{ns}/rolebindings", Binding("to-view", "ClusterRole", "view", ns));

        Assert.Equal(HttpStatusCode.Created, held.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, escalation.StatusCode);
        Assert.Contains("not currently held", escalation.Body["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, bindAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Created, bindView.StatusCode);
    }

    [Fact]
    public async Task AggregationRule_RequiresEscalatePermission()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var token = await ServiceAccountTokenAsync(ns, "aggregator");
        var role = TestCluster.UniqueName("limited-writer");
        await Client.CreateAsync("/apis/rbac.authorization.k8s.io/v1/clusterroles", new JsonObject
        {
            ["apiVersion"] = "rbac.authorization.k8s.io/v1",
            ["kind"] = "ClusterRole",
            ["metadata"] = new JsonObject { ["name"] = role },
            ["rules"] = new JsonArray(Rule(["rbac.authorization.k8s.io"], ["clusterroles"], ["create", "get"])),
        });
        cluster.DeleteLater($"/apis/rbac.authorization.k8s.io/v1/clusterroles/{role}");
        await Client.CreateAsync("/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", new JsonObject
        {
            ["apiVersion"] = "rbac.authorization.k8s.io/v1",
            ["kind"] = "ClusterRoleBinding",
            ["metadata"] = new JsonObject { ["name"] = role },
            ["roleRef"] = new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "ClusterRole", ["name"] = role },
            ["subjects"] = new JsonArray(new JsonObject { ["kind"] = "ServiceAccount", ["name"] = "aggregator", ["namespace"] = ns }),
        });
        cluster.DeleteLater($"/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/{role}");
        var grab = TestCluster.UniqueName("grab-everything");

        var response = await Client.WithToken(token).PostAsync("/apis/rbac.authorization.k8s.io/v1/clusterroles", new JsonObject
        {
            ["apiVersion"] = "rbac.authorization.k8s.io/v1",
            ["kind"] = "ClusterRole",
            ["metadata"] = new JsonObject { ["name"] = grab },
            ["aggregationRule"] = new JsonObject { ["clusterRoleSelectors"] = new JsonArray(new JsonObject { ["matchLabels"] = new JsonObject { ["kubernetes.io/bootstrapping"] = "rbac-defaults" } }) },
        });
        cluster.DeleteLater($"/apis/rbac.authorization.k8s.io/v1/clusterroles/{grab}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ServerSideApply_ThatCreates_NeedsCreatePermission()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var token = await ServiceAccountTokenAsync(ns, "patcher");
        await GrantAsync(ns, "patcher", ["get", "patch"], ["configmaps"]);
        var body = Encoding.UTF8.GetBytes("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"applied"},"data":{"a":"b"}}""");

        var response = await Client.WithToken(token).SendRawAsync(HttpMethod.Patch, $"{Objects.ConfigMaps(ns)}/applied?fieldManager=patcher", body, "application/apply-patch+yaml");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"{Objects.ConfigMaps(ns)}/applied")).StatusCode);
    }

    [Fact]
    public async Task TokenReview_HonoursRequestedAudiences()
    {
        var ns = await cluster.CreateNamespaceAsync();
        await cluster.Kube.Resource(ServiceAccounts).CreateAsync(ServiceAccount("svc"), ns);
        var request = (await Client.PostAsync($"/api/v1/namespaces/{ns}/serviceaccounts/svc/token", new JsonObject
        {
            ["apiVersion"] = "authentication.k8s.io/v1",
            ["kind"] = "TokenRequest",
            ["spec"] = new JsonObject { ["audiences"] = new JsonArray("https://my-service.example.com") },
        })).EnsureSuccess().Body;
        var serviceToken = request["status"]!["token"]!.GetValue<string>();
        var apiToken = await ServiceAccountTokenAsync(ns, "api");

        var forService = await ReviewAsync(serviceToken, "https://my-service.example.com");
        var apiTokenForService = await ReviewAsync(apiToken, "https://my-service.example.com");

        Assert.True(forService["authenticated"]!.GetValue<bool>());
        Assert.Equal(["https://my-service.example.com"], forService["audiences"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.False(apiTokenForService["authenticated"]?.GetValue<bool>() ?? false);
    }

    [Fact]
    public async Task UnknownResource_IsForbidden_ForACallerWithoutPermission()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var token = await ServiceAccountTokenAsync(ns, "nobody");

        var response = await Client.WithToken(token).GetAsync($"/apis/nothing.example.com/v1/namespaces/{ns}/things");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<JsonObject> ReviewAsync(string token, string audience) =>
        (await Client.PostAsync("/apis/authentication.k8s.io/v1/tokenreviews", new JsonObject
        {
            ["apiVersion"] = "authentication.k8s.io/v1",
            ["kind"] = "TokenReview",
            ["spec"] = new JsonObject { ["token"] = token, ["audiences"] = new JsonArray(audience) },
        })).EnsureSuccess().Body["status"]!.AsObject();

    private static JsonObject Role(string name, JsonObject[] rules) => new()
    {
        ["apiVersion"] = "rbac.authorization.k8s.io/v1",
        ["kind"] = "Role",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["rules"] = new JsonArray([.. rules]),
    };

    private static JsonObject Rule(string[] groups, string[] resources, string[] verbs, string[]? names = null)
    {
        var rule = new JsonObject
        {
            ["apiGroups"] = new JsonArray([.. groups.Select(g => (JsonNode?)g)]),
            ["resources"] = new JsonArray([.. resources.Select(r => (JsonNode?)r)]),
            ["verbs"] = new JsonArray([.. verbs.Select(v => (JsonNode?)v)]),
        };
        if (names is not null)
        {
            rule["resourceNames"] = new JsonArray([.. names.Select(n => (JsonNode?)n)]);
        }

        return rule;
    }

    private static JsonObject Binding(string name, string roleKind, string roleName, string ns) => new()
    {
        ["apiVersion"] = "rbac.authorization.k8s.io/v1",
        ["kind"] = "RoleBinding",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["roleRef"] = new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = roleKind, ["name"] = roleName },
        ["subjects"] = new JsonArray(new JsonObject { ["kind"] = "ServiceAccount", ["name"] = "someone", ["namespace"] = ns }),
    };

    private async Task<string> ServiceAccountTokenAsync(string ns, string name)
    {
        await cluster.Kube.Resource(ServiceAccounts).CreateAsync(ServiceAccount(name), ns);
        var response = await Client.PostAsync($"/api/v1/namespaces/{ns}/serviceaccounts/{name}/token", new JsonObject
        {
            ["apiVersion"] = "authentication.k8s.io/v1",
            ["kind"] = "TokenRequest",
            ["spec"] = new JsonObject { ["expirationSeconds"] = 3600 },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return response.Body["status"]!["token"]!.GetValue<string>();
    }

    private async Task GrantAsync(string ns, string serviceAccount, string[] verbs, string[] resources, string[]? resourceNames = null)
    {
        var rule = new JsonObject
        {
            ["apiGroups"] = new JsonArray(string.Empty),
            ["resources"] = new JsonArray([.. resources.Select(r => (JsonNode?)r)]),
            ["verbs"] = new JsonArray([.. verbs.Select(v => (JsonNode?)v)]),
        };
        if (resourceNames is not null)
        {
            rule["resourceNames"] = new JsonArray([.. resourceNames.Select(r => (JsonNode?)r)]);
        }

        await cluster.Kube.Resource(Roles).CreateAsync(Role(serviceAccount, [rule]), ns);
        await BindAsync(ns, serviceAccount, "Role", serviceAccount);
    }

    private async Task BindAsync(string ns, string serviceAccount, string roleKind, string roleName) =>
        await cluster.Kube.Resource(RoleBindings).CreateAsync(new JsonObject
        {
            ["apiVersion"] = "rbac.authorization.k8s.io/v1",
            ["kind"] = "RoleBinding",
            ["metadata"] = new JsonObject { ["name"] = $"{serviceAccount}-{roleName}".Replace(':', '-') },
            ["roleRef"] = new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = roleKind, ["name"] = roleName },
            ["subjects"] = new JsonArray(new JsonObject { ["kind"] = "ServiceAccount", ["name"] = serviceAccount, ["namespace"] = ns }),
        }, ns);

    private async Task<bool> AccessReviewAsync(string token, string ns, string verb, string resource)
    {
        var review = await Client.WithToken(token).PostAsync("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", new JsonObject
        {
            ["apiVersion"] = "authorization.k8s.io/v1",
            ["kind"] = "SelfSubjectAccessReview",
            ["spec"] = new JsonObject { ["resourceAttributes"] = new JsonObject { ["namespace"] = ns, ["verb"] = verb, ["resource"] = resource } },
        });
        return review.EnsureSuccess().Body["status"]!["allowed"]!.GetValue<bool>();
    }

    private async Task<string> SelfReviewAsync(string token)
    {
        var review = await Client.WithToken(token).PostAsync("/apis/authentication.k8s.io/v1/selfsubjectreviews", new JsonObject
        {
            ["apiVersion"] = "authentication.k8s.io/v1",
            ["kind"] = "SelfSubjectReview",
        });
        return review.EnsureSuccess().Body["status"]!["userInfo"]!["username"]!.GetValue<string>();
    }

    private static JsonObject ServiceAccount(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ServiceAccount",
        ["metadata"] = new JsonObject { ["name"] = name },
    };

    private static JsonObject ClusterRole(string name, string[] verbs, string[] resources, JsonObject labels) => new()
    {
        ["apiVersion"] = "rbac.authorization.k8s.io/v1",
        ["kind"] = "ClusterRole",
        ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = labels },
        ["rules"] = new JsonArray(new JsonObject
        {
            ["apiGroups"] = new JsonArray(string.Empty),
            ["resources"] = new JsonArray([.. resources.Select(r => (JsonNode?)r)]),
            ["verbs"] = new JsonArray([.. verbs.Select(v => (JsonNode?)v)]),
        }),
    };
}
