using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Hosting;
using KubeBind.Testing;

namespace KubeBind.DevApiServer.Tests.Controllers;

/// <summary>DevApiServer's own aggregation controller: roles that select each other settle instead of flip-flopping.</summary>
public sealed class ClusterRoleAggregatorTests
{
    [Fact]
    public async Task RolesSelectingOnlyEachOther_SettleInsteadOfSwappingRules()
    {
        await using var host = await ApiServerHost.StartAsync(new DevApiServerOptions());
        using var client = new ClusterClient(host.ClientConfig.CreateHandler(), host.BaseAddress, host.AdminToken);
        await client.CreateAsync("/apis/rbac.authorization.k8s.io/v1/clusterroles", Role("role-a", label: "a-source", selects: "b-source", resource: "configmaps"));
        await client.CreateAsync("/apis/rbac.authorization.k8s.io/v1/clusterroles", Role("role-b", label: "b-source", selects: "a-source", resource: "secrets"));

        // A cycle contributes nothing, so both end up empty; a controller computing from stored rules swaps them forever.
        await WaitFor.ConditionAsync(
            async () => await RuleCountAsync(client, "role-a") == 0 && await RuleCountAsync(client, "role-b") == 0,
            "both aggregated roles to settle");
        var rv = (await client.GetAsync("/apis/rbac.authorization.k8s.io/v1/clusterroles")).Body["metadata"]!["resourceVersion"]!.GetValue<string>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var writes = 0;
        await foreach (var (_, obj) in client.WatchAsync($"/apis/rbac.authorization.k8s.io/v1/clusterroles?watch=true&resourceVersion={rv}&timeoutSeconds=2", deadline.Token))
        {
            writes += obj["metadata"]!["name"]!.GetValue<string>() is "role-a" or "role-b" ? 1 : 0;
        }

        Assert.Equal(0, writes);
    }

    private static async Task<int> RuleCountAsync(ClusterClient client, string name) =>
        ((await client.GetAsync($"/apis/rbac.authorization.k8s.io/v1/clusterroles/{name}")).Body["rules"] as JsonArray)?.Count ?? 0;

    private static JsonObject Role(string name, string label, string selects, string resource) => new()
    {
        ["apiVersion"] = "rbac.authorization.k8s.io/v1",
        ["kind"] = "ClusterRole",
        ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = new JsonObject { [label] = "true" } },
        ["aggregationRule"] = new JsonObject
        {
            ["clusterRoleSelectors"] = new JsonArray(new JsonObject { ["matchLabels"] = new JsonObject { [selects] = "true" } }),
        },
        ["rules"] = new JsonArray(new JsonObject
        {
            ["apiGroups"] = new JsonArray(string.Empty),
            ["resources"] = new JsonArray(resource),
            ["verbs"] = new JsonArray("get"),
        }),
    };
}
