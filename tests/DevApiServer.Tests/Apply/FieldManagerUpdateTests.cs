using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Apply;

namespace KubeBind.DevApiServer.Tests.Apply;

public class FieldManagerUpdateTests
{
    private static readonly ApplySchema Deduced = ApplySchema.Deduced;

    [Fact]
    public void Update_RecordsWholeMapsWithDotMarkers_WhenObjectIsCreated()
    {
        var created = Fixtures.Load("configmap-apply.json");

        var result = FieldManager.Update(null, created, "kubectl-create", Deduced, Fixtures.Context());

        Fixtures.AssertJsonEqual(Fixtures.LoadArray("configmap-create.managedFields.json"), Fixtures.ManagedFields(result));
    }

    [Fact]
    public void Update_TakesChangedFieldsFromApplier_WhenValueChanges()
    {
        var live = FieldManager.Apply(null, Fixtures.ConfigMap(("key", "value"), ("other", "x")), "alpha", force: false, Deduced, Fixtures.Context());
        var updated = Fixtures.Parse(live.ToJsonString());
        updated["data"]!["key"] = "changed";

        var result = FieldManager.Update(live, updated, "editor", Deduced, Fixtures.Context(minutes: 1));

        Assert.Equal([".data.other"], Fixtures.PathsOf(result, "alpha"));
        Assert.Equal([".data.key"], Fixtures.PathsOf(result, "editor", "Update"));
        Assert.Equal("2024-05-01T10:01:00Z", Fixtures.Entry(result, "editor", "Update")!["time"]!.GetValue<string>());
    }

    [Fact]
    public void Update_DropsRemovedFieldsFromEveryManager_WhenFieldIsDeleted()
    {
        var live = FieldManager.Apply(null, Fixtures.ConfigMap(("key", "value"), ("other", "x")), "alpha", force: false, Deduced, Fixtures.Context());
        live = FieldManager.Apply(live, Fixtures.ConfigMap(("other", "x")), "beta", force: false, Deduced, Fixtures.Context(minutes: 1));
        var updated = Fixtures.Parse(live.ToJsonString());
        updated["data"]!.AsObject().Remove("other");

        var result = FieldManager.Update(live, updated, "editor", Deduced, Fixtures.Context(minutes: 2));

        Assert.Equal([".data.key"], Fixtures.PathsOf(result, "alpha"));
        Assert.Null(Fixtures.Entry(result, "beta"));
        Assert.Null(Fixtures.Entry(result, "editor", "Update"));
    }

    [Fact]
    public void Update_LeavesManagedFieldsAlone_WhenNothingChanges()
    {
        var live = FieldManager.Update(null, Fixtures.ConfigMap(("key", "value")), "creator", Deduced, Fixtures.Context());

        var result = FieldManager.Update(live, Fixtures.Parse(live.ToJsonString()), "other", Deduced, Fixtures.Context(minutes: 3));

        Fixtures.AssertJsonEqual(live, result);
    }

    [Theory]
    [InlineData("""[{}]""")]
    [InlineData("""[]""")]
    public void Update_ClearsManagedFields_WhenClientSendsResetValue(string reset)
    {
        var live = FieldManager.Apply(null, Fixtures.ConfigMap(("key", "value")), "alpha", force: false, Deduced, Fixtures.Context());
        var updated = Fixtures.Parse(live.ToJsonString());
        updated["metadata"]!["managedFields"] = JsonNode.Parse(reset);

        var result = FieldManager.Update(live, updated, "editor", Deduced, Fixtures.Context(minutes: 1));

        Assert.False(result["metadata"]!.AsObject().ContainsKey("managedFields"));
    }

    [Fact]
    public void Update_KeepsLiveManagedFields_WhenClientOmitsThem()
    {
        var live = FieldManager.Apply(null, Fixtures.ConfigMap(("key", "value")), "alpha", force: false, Deduced, Fixtures.Context());
        var updated = Fixtures.Parse(live.ToJsonString());
        updated["metadata"]!.AsObject().Remove("managedFields");

        var result = FieldManager.Update(live, updated, "editor", Deduced, Fixtures.Context(minutes: 1));

        Fixtures.AssertJsonEqual(Fixtures.ManagedFields(live), Fixtures.ManagedFields(result));
    }

    [Fact]
    public void Update_UsesClientManagedFields_WhenClientSendsDifferentOnes()
    {
        var live = FieldManager.Apply(null, Fixtures.ConfigMap(("key", "value")), "alpha", force: false, Deduced, Fixtures.Context());
        var updated = Fixtures.Parse(live.ToJsonString());
        updated["metadata"]!["managedFields"]![0]!["manager"] = "renamed";

        var result = FieldManager.Update(live, updated, "editor", Deduced, Fixtures.Context(minutes: 1));

        Assert.Null(Fixtures.Entry(result, "alpha"));
        Assert.Equal([".data.key"], Fixtures.PathsOf(result, "renamed"));
    }

    [Fact]
    public void Update_IgnoresClientManagedFields_WhenWritingSubresource()
    {
        var schema = Fixtures.WidgetSchema;
        var live = FieldManager.Apply(null, Fixtures.Widget("""{"replicas":1}"""), "alpha", force: false, schema, Fixtures.WidgetContext());
        var updated = Fixtures.Parse(live.ToJsonString());
        updated["metadata"]!["managedFields"] = JsonNode.Parse("[{}]");
        updated["status"] = new JsonObject { ["readyReplicas"] = 1 };
        updated["spec"]!["replicas"] = 5;

        var result = FieldManager.Update(live, updated, "controller", schema, Fixtures.WidgetContext(minutes: 1, subresource: "status"));

        Assert.Equal(1, result["spec"]!["replicas"]!.GetValue<int>());
        Assert.Equal([".spec.replicas"], Fixtures.PathsOf(result, "alpha"));
        Assert.Equal([".status", ".status.readyReplicas"], Fixtures.PathsOf(result, "controller", "Update"));
    }

    [Fact]
    public void Update_KeepsOneEntryPerApiVersion_WhenUpdaterWritesThroughTwoVersions()
    {
        var live = FieldManager.Update(null, Fixtures.ConfigMap(("a", "1")), "writer", Deduced, Fixtures.Context());
        var updated = Fixtures.Parse(live.ToJsonString());
        updated["data"]!["b"] = "2";
        updated["apiVersion"] = "v2";

        var result = FieldManager.Update(live, updated, "writer", Deduced, Fixtures.Context(minutes: 1, apiVersion: "v2"));

        var versions = Fixtures.ManagedFields(result).Select(e => e!["apiVersion"]!.GetValue<string>()).ToArray();
        Assert.Equal(["v1", "v2"], versions);
    }

    [Fact]
    public void Update_SortsApplyEntriesFirstThenByTime_WhenEncoding()
    {
        var live = FieldManager.Update(null, Fixtures.ConfigMap(("a", "1")), "zeta", Deduced, Fixtures.Context());
        live = FieldManager.Apply(live, Fixtures.ConfigMap(("b", "2")), "alpha", force: false, Deduced, Fixtures.Context(minutes: 2));
        var updated = Fixtures.Parse(live.ToJsonString());
        updated["data"]!["c"] = "3";

        var result = FieldManager.Update(live, updated, "beta", Deduced, Fixtures.Context(minutes: 1));

        var order = Fixtures.ManagedFields(result).Select(e => e!["manager"]!.GetValue<string>()).ToArray();
        Assert.Equal(["alpha", "zeta", "beta"], order);
    }
}
