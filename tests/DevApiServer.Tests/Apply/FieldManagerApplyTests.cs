using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Apply;

namespace KubeBind.DevApiServer.Tests.Apply;

public class FieldManagerApplyTests
{
    private static readonly ApplySchema Deduced = ApplySchema.Deduced;

    public static TheoryData<string, string, string> ListOrders => new()
    {
        // Live item names, applied item names, merged order: SMD prefers the configuration's order for items it names.
        { "nginx", "sidecar", "nginx,sidecar" },
        { "a,b", "c,a", "c,a,b" },
        { "a,b,c", "c,b,a", "c,b,a" },
        { "a,b,c", "b,d", "a,b,c,d" },
    };

    [Fact]
    public void Apply_CreatesObjectOwnedByApplier_WhenObjectDoesNotExist()
    {
        var config = Fixtures.Load("configmap-apply.json");

        var result = FieldManager.Apply(null, config, "kubectl", force: false, Deduced, Fixtures.Context());

        Fixtures.AssertJsonEqual(Fixtures.LoadArray("configmap-apply.managedFields.json"), Fixtures.ManagedFields(result));
        result["metadata"]!.AsObject().Remove("managedFields");
        Fixtures.AssertJsonEqual(config, result);
    }

    [Fact]
    public void Apply_RecordsEveryListKind_WhenSchemaComesFromCrd()
    {
        var config = Fixtures.Load("widget-apply.json");

        var result = FieldManager.Apply(null, config, "agent", force: false, Fixtures.WidgetSchema, Fixtures.WidgetContext());

        Fixtures.AssertJsonEqual(Fixtures.Load("widget-apply.fieldsV1.json"), Fixtures.Entry(result, "agent")!["fieldsV1"]);
        Assert.Equal("wildwest.dev/v1alpha1", Fixtures.Entry(result, "agent")!["apiVersion"]!.GetValue<string>());
    }

    [Fact]
    public void Apply_ChangesNothing_WhenConfigurationIsReapplied()
    {
        var config = Fixtures.Load("configmap-apply.json");
        var first = FieldManager.Apply(null, config, "kubectl", force: false, Deduced, Fixtures.Context());

        var second = FieldManager.Apply(first, config, "kubectl", force: false, Deduced, Fixtures.Context(minutes: 5));

        Fixtures.AssertJsonEqual(first, second);
    }

    [Fact]
    public void Apply_KeepsBothManagersFields_WhenAppliersOwnDisjointFields()
    {
        var live = FieldManager.Apply(null, Fixtures.ConfigMap(("key", "value")), "alpha", force: false, Deduced, Fixtures.Context());

        var result = FieldManager.Apply(live, Fixtures.ConfigMap(("other", "x")), "beta", force: false, Deduced, Fixtures.Context(minutes: 1));

        Fixtures.AssertJsonEqual(Fixtures.Parse("""{"key":"value","other":"x"}"""), result["data"]);
        Assert.Equal([".data.key"], Fixtures.PathsOf(result, "alpha"));
        Assert.Equal([".data.other"], Fixtures.PathsOf(result, "beta"));
    }

    [Fact]
    public void Apply_SharesOwnership_WhenAnotherApplierSetsTheSameValue()
    {
        var live = FieldManager.Apply(null, Fixtures.ConfigMap(("key", "value")), "alpha", force: false, Deduced, Fixtures.Context());

        var result = FieldManager.Apply(live, Fixtures.ConfigMap(("key", "value")), "beta", force: false, Deduced, Fixtures.Context(minutes: 1));

        Assert.Equal([".data.key"], Fixtures.PathsOf(result, "alpha"));
        Assert.Equal([".data.key"], Fixtures.PathsOf(result, "beta"));
    }

    [Fact]
    public void Apply_ThrowsConflictWithKubeMessage_WhenAnotherApplierOwnsADifferentValue()
    {
        var live = FieldManager.Apply(null, Fixtures.ConfigMap(("key", "value")), "alpha", force: false, Deduced, Fixtures.Context());

        var conflict = Assert.Throws<ApplyConflictException>(() =>
            FieldManager.Apply(live, Fixtures.ConfigMap(("key", "changed")), "beta", force: false, Deduced, Fixtures.Context(minutes: 1)));

        Assert.Equal("Apply failed with 1 conflict: conflict with \"alpha\": .data.key", conflict.Message);
        Assert.Equal([new ApplyConflict("alpha", ".data.key")], conflict.Conflicts);
    }

    [Fact]
    public void Apply_ThrowsConflictNamingUpdaterAndVersion_WhenClientSideApplyOwnsTheField()
    {
        var created = FieldManager.Update(null, Fixtures.ConfigMap(("key", "value")), "kubectl-client-side-apply", Deduced, Fixtures.Context());

        var conflict = Assert.Throws<ApplyConflictException>(() =>
            FieldManager.Apply(created, Fixtures.ConfigMap(("key", "new")), "kubectl", force: false, Deduced, Fixtures.Context(minutes: 1)));

        Assert.Equal("Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using v1: .data.key", conflict.Message);
        Assert.Equal("\"kubectl-client-side-apply\" using v1", conflict.Conflicts[0].ManagerDescription);
    }

    [Fact]
    public void Apply_ListsConflictsPerManager_WhenSeveralManagersOwnChangedFields()
    {
        var live = FieldManager.Apply(null, Fixtures.ConfigMap(("a", "1")), "alpha", force: false, Deduced, Fixtures.Context());
        var updated = Fixtures.Parse(live.ToJsonString());
        updated["data"]!["b"] = "2";
        updated["data"]!["c"] = "3";
        live = FieldManager.Update(live, updated, "beta", Deduced, Fixtures.Context(minutes: 1));

        var conflict = Assert.Throws<ApplyConflictException>(() => FieldManager.Apply(
            live, Fixtures.ConfigMap(("a", "x"), ("b", "y"), ("c", "z")), "gamma", force: false, Deduced, Fixtures.Context(minutes: 2)));

        Assert.Equal(
            "Apply failed with 3 conflicts: conflicts with \"alpha\":\n- .data.a\nconflicts with \"beta\" using v1:\n- .data.b\n- .data.c",
            conflict.Message);
    }

    [Fact]
    public void Apply_TransfersOwnership_WhenForced()
    {
        var live = FieldManager.Apply(null, Fixtures.ConfigMap(("key", "value"), ("mine", "a")), "alpha", force: false, Deduced, Fixtures.Context());

        var result = FieldManager.Apply(live, Fixtures.ConfigMap(("key", "changed")), "beta", force: true, Deduced, Fixtures.Context(minutes: 1));

        Assert.Equal("changed", result["data"]!["key"]!.GetValue<string>());
        Assert.Equal([".data.mine"], Fixtures.PathsOf(result, "alpha"));
        Assert.Equal([".data.key"], Fixtures.PathsOf(result, "beta"));
    }

    [Fact]
    public void Apply_RemovesField_WhenApplierStopsApplyingIt()
    {
        var live = FieldManager.Apply(null, Fixtures.ConfigMap(("key", "value"), ("other", "x")), "alpha", force: false, Deduced, Fixtures.Context());

        var result = FieldManager.Apply(live, Fixtures.ConfigMap(("key", "value")), "alpha", force: false, Deduced, Fixtures.Context(minutes: 1));

        Fixtures.AssertJsonEqual(Fixtures.Parse("""{"key":"value"}"""), result["data"]);
        Assert.Equal([".data.key"], Fixtures.PathsOf(result, "alpha"));
        Assert.Equal(Fixtures.T0.AddMinutes(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), Fixtures.Entry(result, "alpha")!["time"]!.GetValue<string>());
    }

    [Fact]
    public void Apply_KeepsDroppedField_WhenAnotherManagerStillOwnsIt()
    {
        var live = FieldManager.Apply(null, Fixtures.ConfigMap(("key", "value"), ("other", "x")), "alpha", force: false, Deduced, Fixtures.Context());
        live = FieldManager.Apply(live, Fixtures.ConfigMap(("other", "x")), "beta", force: false, Deduced, Fixtures.Context(minutes: 1));

        var result = FieldManager.Apply(live, Fixtures.ConfigMap(("key", "value")), "alpha", force: false, Deduced, Fixtures.Context(minutes: 2));

        Fixtures.AssertJsonEqual(Fixtures.Parse("""{"key":"value","other":"x"}"""), result["data"]);
        Assert.Equal([".data.key"], Fixtures.PathsOf(result, "alpha"));
        Assert.Equal([".data.other"], Fixtures.PathsOf(result, "beta"));
    }

    [Fact]
    public void Apply_DropsApplierEntry_WhenConfigurationOwnsNothing()
    {
        var live = FieldManager.Apply(null, Fixtures.ConfigMap(("key", "value")), "alpha", force: false, Deduced, Fixtures.Context());
        live = FieldManager.Apply(live, Fixtures.ConfigMap(("key", "value")), "beta", force: false, Deduced, Fixtures.Context(minutes: 1));

        var result = FieldManager.Apply(live, Fixtures.ConfigMap(), "alpha", force: false, Deduced, Fixtures.Context(minutes: 2));

        Assert.Equal("value", result["data"]!["key"]!.GetValue<string>());
        Assert.Null(Fixtures.Entry(result, "alpha"));
        Assert.Equal([".data.key"], Fixtures.PathsOf(result, "beta"));
    }

    [Fact]
    public void Apply_MergesAssociativeListItemsByKey_WhenTwoAppliersOwnDifferentItems()
    {
        var schema = Fixtures.WidgetSchema;
        var live = FieldManager.Apply(null, Fixtures.Widget("""{"ports":[{"name":"http","port":80}]}"""), "alpha", force: false, schema, Fixtures.WidgetContext());

        var result = FieldManager.Apply(live, Fixtures.Widget("""{"ports":[{"name":"metrics","port":9090}]}"""), "beta", force: false, schema, Fixtures.WidgetContext(minutes: 1));

        Fixtures.AssertJsonEqual(JsonNode.Parse("""[{"name":"http","port":80},{"name":"metrics","port":9090}]"""), result["spec"]!["ports"]);
        Assert.Equal([".spec.ports[name=\"http\"]", ".spec.ports[name=\"http\"].name", ".spec.ports[name=\"http\"].port"], Fixtures.PathsOf(result, "alpha"));
        Assert.Equal([".spec.ports[name=\"metrics\"]", ".spec.ports[name=\"metrics\"].name", ".spec.ports[name=\"metrics\"].port"], Fixtures.PathsOf(result, "beta"));
    }

    [Fact]
    public void Apply_RemovesOnlyOwnItem_WhenApplierDropsItFromAssociativeList()
    {
        var schema = Fixtures.WidgetSchema;
        var live = FieldManager.Apply(null, Fixtures.Widget("""{"ports":[{"name":"http","port":80}]}"""), "alpha", force: false, schema, Fixtures.WidgetContext());
        live = FieldManager.Apply(live, Fixtures.Widget("""{"ports":[{"name":"metrics","port":9090}]}"""), "beta", force: false, schema, Fixtures.WidgetContext(minutes: 1));

        var result = FieldManager.Apply(live, Fixtures.Widget("""{"ports":[]}"""), "alpha", force: false, schema, Fixtures.WidgetContext(minutes: 2));

        Fixtures.AssertJsonEqual(JsonNode.Parse("""[{"name":"metrics","port":9090}]"""), result["spec"]!["ports"]);
        Assert.Null(Fixtures.Entry(result, "alpha"));
    }

    [Fact]
    public void Apply_ReportsKeyedPath_WhenAssociativeItemFieldConflicts()
    {
        var schema = Fixtures.WidgetSchema;
        var live = FieldManager.Apply(null, Fixtures.Widget("""{"ports":[{"name":"http","port":80}],"endpoints":[{"protocol":"TCP","port":80,"weight":1}]}"""), "alpha", force: false, schema, Fixtures.WidgetContext());

        var conflict = Assert.Throws<ApplyConflictException>(() => FieldManager.Apply(
            live, Fixtures.Widget("""{"ports":[{"name":"http","port":8080}],"endpoints":[{"protocol":"TCP","port":80,"weight":5}]}"""), "beta", force: false, schema, Fixtures.WidgetContext(minutes: 1)));

        Assert.Equal(
            "Apply failed with 2 conflicts: conflicts with \"alpha\":\n- .spec.endpoints[port=80,protocol=\"TCP\"].weight\n- .spec.ports[name=\"http\"].port",
            conflict.Message);
    }

    [Fact]
    public void Apply_UnitesSetListsAndRemovesOnlyUnsharedValues_WhenAppliersChangeTheirValues()
    {
        var schema = Fixtures.WidgetSchema;
        var live = FieldManager.Apply(null, Fixtures.Widget("""{"tags":["a","b"]}"""), "alpha", force: false, schema, Fixtures.WidgetContext());
        live = FieldManager.Apply(live, Fixtures.Widget("""{"tags":["b","c"]}"""), "beta", force: false, schema, Fixtures.WidgetContext(minutes: 1));
        Fixtures.AssertJsonEqual(JsonNode.Parse("""["a","b","c"]"""), live["spec"]!["tags"]);

        var result = FieldManager.Apply(live, Fixtures.Widget("""{"tags":[]}"""), "alpha", force: false, schema, Fixtures.WidgetContext(minutes: 2));

        Fixtures.AssertJsonEqual(JsonNode.Parse("""["b","c"]"""), result["spec"]!["tags"]);
        Assert.Equal([".spec.tags[=\"b\"]", ".spec.tags[=\"c\"]"], Fixtures.PathsOf(result, "beta"));
    }

    [Fact]
    public void Apply_ConflictsOnWholeList_WhenAtomicListDiffers()
    {
        var schema = Fixtures.WidgetSchema;
        var live = FieldManager.Apply(null, Fixtures.Widget("""{"args":["--a","--b"]}"""), "alpha", force: false, schema, Fixtures.WidgetContext());

        var conflict = Assert.Throws<ApplyConflictException>(() =>
            FieldManager.Apply(live, Fixtures.Widget("""{"args":["--a"]}"""), "beta", force: false, schema, Fixtures.WidgetContext(minutes: 1)));

        Assert.Equal("Apply failed with 1 conflict: conflict with \"alpha\": .spec.args", conflict.Message);
    }

    [Fact]
    public void Apply_ReplacesAtomicListAndMap_WhenForced()
    {
        var schema = Fixtures.WidgetSchema;
        var live = FieldManager.Apply(null, Fixtures.Widget("""{"args":["--a","--b"],"selector":{"app":"w1","tier":"web"}}"""), "alpha", force: false, schema, Fixtures.WidgetContext());

        var result = FieldManager.Apply(live, Fixtures.Widget("""{"args":["--c"],"selector":{"app":"w2"}}"""), "beta", force: true, schema, Fixtures.WidgetContext(minutes: 1));

        Fixtures.AssertJsonEqual(JsonNode.Parse("""["--c"]"""), result["spec"]!["args"]);
        Fixtures.AssertJsonEqual(JsonNode.Parse("""{"app":"w2"}"""), result["spec"]!["selector"]);
        Assert.Null(Fixtures.Entry(result, "alpha"));
    }

    [Fact]
    public void Apply_ConflictsWithUpdater_WhenUpdateTookOwnershipAfterApply()
    {
        var live = FieldManager.Apply(null, Fixtures.ConfigMap(("key", "value"), ("keep", "k")), "kubectl", force: false, Deduced, Fixtures.Context());
        var edited = Fixtures.Parse(live.ToJsonString());
        edited["data"]!["key"] = "edited";
        live = FieldManager.Update(live, edited, "kubectl-edit", Deduced, Fixtures.Context(minutes: 1));
        Assert.Equal([".data.keep"], Fixtures.PathsOf(live, "kubectl"));
        Assert.Equal([".data.key"], Fixtures.PathsOf(live, "kubectl-edit", "Update"));

        var conflict = Assert.Throws<ApplyConflictException>(() => FieldManager.Apply(
            live, Fixtures.ConfigMap(("key", "value"), ("keep", "k")), "kubectl", force: false, Deduced, Fixtures.Context(minutes: 2)));

        Assert.Equal("Apply failed with 1 conflict: conflict with \"kubectl-edit\" using v1: .data.key", conflict.Message);
    }

    [Fact]
    public void Apply_IgnoresStatusAndKeepsLiveStatus_WhenMainResourceHasStatusSubresource()
    {
        var schema = Fixtures.WidgetSchema;
        var live = FieldManager.Apply(null, Fixtures.Widget("""{"replicas":1}"""), "alpha", force: false, schema, Fixtures.WidgetContext());
        var withStatus = Fixtures.Parse(live.ToJsonString());
        withStatus["status"] = new JsonObject { ["phase"] = "Running" };
        live = FieldManager.Update(live, withStatus, "controller", schema, Fixtures.WidgetContext(minutes: 1, subresource: "status"));
        var config = Fixtures.Widget("""{"replicas":1}""");
        config["status"] = new JsonObject { ["phase"] = "Failed" };

        var result = FieldManager.Apply(live, config, "alpha", force: false, schema, Fixtures.WidgetContext(minutes: 2));

        Assert.Equal("Running", result["status"]!["phase"]!.GetValue<string>());
        Assert.Equal([".spec.replicas"], Fixtures.PathsOf(result, "alpha"));
        Assert.Equal([".status", ".status.phase"], Fixtures.PathsOf(result, "controller", "Update"));
        Assert.Equal("status", Fixtures.Entry(result, "controller", "Update")!["subresource"]!.GetValue<string>());
    }

    [Fact]
    public void Apply_DropsStatus_WhenCreatingThroughMainResource()
    {
        var config = Fixtures.Widget("""{"replicas":1}""");
        config["status"] = new JsonObject { ["phase"] = "Failed" };

        var result = FieldManager.Apply(null, config, "alpha", force: false, Fixtures.WidgetSchema, Fixtures.WidgetContext());

        Assert.False(result.ContainsKey("status"));
    }

    [Theory]
    [MemberData(nameof(ListOrders))]
    public void Apply_OrdersAssociativeItemsLikeSmd_WhenConfigurationReordersThem(string liveNames, string appliedNames, string expected)
    {
        var schema = ApplySchema.Deduced.WithAssociativeList("spec.items", "name");
        var live = FieldManager.Apply(null, ItemsConfig(liveNames), "alpha", force: false, schema, Fixtures.Context());

        var result = FieldManager.Apply(live, ItemsConfig(appliedNames), "beta", force: false, schema, Fixtures.Context(minutes: 1));

        Assert.Equal(expected, string.Join(",", result["spec"]!["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>())));
    }

    [Fact]
    public void Apply_ConflictsWithBeforeFirstApply_WhenLiveObjectHasNoManagedFields()
    {
        var live = Fixtures.Load("configmap-apply.json");

        var conflict = Assert.Throws<ApplyConflictException>(() =>
            FieldManager.Apply(live, Fixtures.ConfigMap(("key", "changed")), "kubectl", force: false, Deduced, Fixtures.Context()));

        Assert.Equal("Apply failed with 1 conflict: conflict with \"before-first-apply\" using v1: .data.key", conflict.Message);
    }

    [Fact]
    public void Apply_RemovesReleasedStructWhole_WhenSchemaDeclaresIt()
    {
        var schema = Fixtures.WidgetSchema;
        var live = FieldManager.Apply(null, Fixtures.Widget("""{"template":{"image":"nginx"}}"""), "alpha", force: false, schema, Fixtures.WidgetContext());
        live = FieldManager.Apply(live, Fixtures.Widget("""{"color":"red"}"""), "beta", force: false, schema, Fixtures.WidgetContext(minutes: 1));

        var result = FieldManager.Apply(live, Fixtures.Widget("""{}"""), "alpha", force: false, schema, Fixtures.WidgetContext(minutes: 2));

        Fixtures.AssertJsonEqual(JsonNode.Parse("""{"color":"red"}"""), result["spec"]);
    }

    [Fact]
    public void Apply_LeavesEmptyMap_WhenSchemaIsDeduced()
    {
        var live = FieldManager.Apply(null, Fixtures.Widget("""{"template":{"image":"nginx"}}"""), "alpha", force: false, Deduced, Fixtures.Context(apiVersion: "wildwest.dev/v1alpha1"));

        var result = FieldManager.Apply(live, Fixtures.Widget("""{}"""), "alpha", force: false, Deduced, Fixtures.Context(minutes: 1, apiVersion: "wildwest.dev/v1alpha1"));

        // SMD only prunes declared struct fields whole; a schemaless map stays behind empty.
        Fixtures.AssertJsonEqual(JsonNode.Parse("""{"template":{}}"""), result["spec"]);
        Assert.Null(Fixtures.Entry(result, "alpha"));
    }

    [Fact]
    public void Apply_KeepsOtherLabels_WhenApplierReleasesItsLabel()
    {
        var withLabels = Fixtures.ConfigMap();
        withLabels["metadata"]!["labels"] = new JsonObject { ["mine"] = "1" };
        var live = FieldManager.Apply(null, withLabels, "alpha", force: false, Deduced, Fixtures.Context());
        var labelled = Fixtures.Parse(live.ToJsonString());
        labelled["metadata"]!["labels"]!["theirs"] = "2";
        live = FieldManager.Update(live, labelled, "kubectl-label", Deduced, Fixtures.Context(minutes: 1));

        var result = FieldManager.Apply(live, Fixtures.ConfigMap(), "alpha", force: false, Deduced, Fixtures.Context(minutes: 2));

        Fixtures.AssertJsonEqual(JsonNode.Parse("""{"theirs":"2"}"""), result["metadata"]!["labels"]);
    }

    [Fact]
    public void Apply_DoesNotMutateInputs_WhenMerging()
    {
        var live = FieldManager.Apply(null, Fixtures.Load("widget-apply.json"), "alpha", force: false, Fixtures.WidgetSchema, Fixtures.WidgetContext());
        var config = Fixtures.Widget("""{"ports":[{"name":"https","port":443}],"tags":["z"]}""");
        var liveBefore = live.DeepClone();
        var configBefore = config.DeepClone();

        FieldManager.Apply(live, config, "beta", force: false, Fixtures.WidgetSchema, Fixtures.WidgetContext(minutes: 1));

        Fixtures.AssertJsonEqual(liveBefore, live);
        Fixtures.AssertJsonEqual(configBefore, config);
    }

    [Fact]
    public void Apply_KeepsServerFields_WhenConfigurationCarriesOtherValues()
    {
        var live = FieldManager.Apply(null, Fixtures.ConfigMap(("key", "value")), "alpha", force: false, Deduced, Fixtures.Context());
        live["metadata"]!["uid"] = "1234";
        live["metadata"]!["resourceVersion"] = "7";
        var config = Fixtures.ConfigMap(("key", "value"));
        config["metadata"]!["uid"] = "other";
        config["metadata"]!["creationTimestamp"] = null;

        var result = FieldManager.Apply(live, config, "alpha", force: false, Deduced, Fixtures.Context(minutes: 1));

        Assert.Equal("1234", result["metadata"]!["uid"]!.GetValue<string>());
        Assert.False(result["metadata"]!.AsObject().ContainsKey("creationTimestamp"));
    }

    private static JsonObject ItemsConfig(string names)
    {
        var items = new JsonArray();
        foreach (var name in names.Split(','))
        {
            items.Add(new JsonObject { ["name"] = name });
        }

        var config = Fixtures.ConfigMap();
        config["spec"] = new JsonObject { ["items"] = items };
        return config;
    }
}
