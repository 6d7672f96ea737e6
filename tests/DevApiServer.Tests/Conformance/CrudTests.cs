using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KubeBind.Testing;

namespace KubeBind.DevApiServer.Tests.Conformance;

[Collection(ClusterCollection.Name)]
public sealed class CrudTests(TestCluster cluster)
{
    private ClusterClient Client => cluster.Client;

    [Fact]
    public async Task Create_AssignsServerFields_AndGetReturnsTheObject()
    {
        var ns = await cluster.CreateNamespaceAsync();

        var created = await Client.CreateAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("one"));
        var fetched = (await Client.GetAsync($"{Objects.ConfigMaps(ns)}/one")).EnsureSuccess().Body;

        Assert.False(string.IsNullOrEmpty(created["metadata"]!["uid"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(created["metadata"]!["resourceVersion"]!.GetValue<string>()));
        Assert.NotNull(created["metadata"]!["creationTimestamp"]);
        Assert.Equal(ns, fetched["metadata"]!["namespace"]!.GetValue<string>());
        Assert.Equal("value", fetched["data"]!["key"]!.GetValue<string>());
        Assert.Equal(created["metadata"]!["uid"]!.GetValue<string>(), fetched["metadata"]!["uid"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_ReturnsAlreadyExists_WhenTheNameIsTaken()
    {
        var ns = await cluster.CreateNamespaceAsync();
        await Client.CreateAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("dup"));

        var second = await Client.PostAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("dup"));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("AlreadyExists", second.Reason);
    }

    [Fact]
    public async Task Create_GeneratesAName_FromGenerateName()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var body = Objects.ConfigMap("unused");
        body["metadata"] = new JsonObject { ["generateName"] = "gen-" };

        var first = await Client.CreateAsync(Objects.ConfigMaps(ns), body);
        var second = await Client.CreateAsync(Objects.ConfigMaps(ns), (JsonObject)body.DeepClone());

        var name = first["metadata"]!["name"]!.GetValue<string>();
        Assert.StartsWith("gen-", name, StringComparison.Ordinal);
        Assert.True(name.Length > "gen-".Length);
        Assert.NotEqual(name, second["metadata"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_StoresNothing_WhenDryRun()
    {
        var ns = await cluster.CreateNamespaceAsync();

        var dry = await Client.PostAsync($"{Objects.ConfigMaps(ns)}?dryRun=All", Objects.ConfigMap("dry"));
        var get = await Client.GetAsync($"{Objects.ConfigMaps(ns)}/dry");

        Assert.Equal(HttpStatusCode.Created, dry.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task DryRunCreate_ReportsAlreadyExists()
    {
        var ns = await cluster.CreateNamespaceAsync();
        await Client.CreateAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("taken"));

        var response = await Client.PostAsync($"{Objects.ConfigMaps(ns)}?dryRun=All", Objects.ConfigMap("taken"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("AlreadyExists", response.Reason);
    }

    [Fact]
    public async Task Subresource_RejectsVerbsItDoesNotServe()
    {
        var ns = await cluster.CreateNamespaceAsync();
        await Client.CreateAsync($"/api/v1/namespaces/{ns}/serviceaccounts", new JsonObject { ["apiVersion"] = "v1", ["kind"] = "ServiceAccount", ["metadata"] = new JsonObject { ["name"] = "sa" } });

        var get = await Client.GetAsync($"/api/v1/namespaces/{ns}/serviceaccounts/sa/token");
        var patch = await Client.PatchAsync($"/api/v1/namespaces/{ns}/serviceaccounts/sa/token", "application/merge-patch+json", JsonNode.Parse("""{"metadata":{"labels":{"x":"y"}}}""")!);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, patch.StatusCode);
        Assert.Null((await Client.GetAsync($"/api/v1/namespaces/{ns}/serviceaccounts/sa")).Body["metadata"]!["labels"]);
    }

    [Fact]
    public async Task Get_ReturnsNotFoundStatus_ForAMissingObject()
    {
        var ns = await cluster.CreateNamespaceAsync();

        var response = await Client.GetAsync($"{Objects.ConfigMaps(ns)}/missing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NotFound", response.Reason);
        Assert.Equal("Status", response.Body["kind"]!.GetValue<string>());
        Assert.Equal("missing", response.Body["details"]!["name"]!.GetValue<string>());
        Assert.Equal("configmaps", response.Body["details"]!["kind"]!.GetValue<string>());
        Assert.Equal(404, response.Body["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Create_ReturnsNotFound_WhenTheNamespaceDoesNotExist()
    {
        var response = await Client.PostAsync(Objects.ConfigMaps(TestCluster.UniqueName("nowhere")), Objects.ConfigMap("x"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("namespaces", response.Body["details"]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_ReturnsConflict_WhenResourceVersionIsStale()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var created = await Client.CreateAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("cas"));
        var first = (JsonObject)created.DeepClone();
        first["data"]!["key"] = "first";
        (await Client.PutAsync($"{Objects.ConfigMaps(ns)}/cas", first)).EnsureSuccess();

        var stale = (JsonObject)created.DeepClone();
        stale["data"]!["key"] = "stale";
        var response = await Client.PutAsync($"{Objects.ConfigMaps(ns)}/cas", stale);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Conflict", response.Reason);
        var current = (await Client.GetAsync($"{Objects.ConfigMaps(ns)}/cas")).Body;
        Assert.Equal("first", current["data"]!["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_BumpsResourceVersion_FromOneClusterWideCounter()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var a = await Client.CreateAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("a"));
        var b = await Client.CreateAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("b"));
        var aChanged = (JsonObject)a.DeepClone();
        aChanged["data"]!["key"] = "changed";

        var updated = (await Client.PutAsync($"{Objects.ConfigMaps(ns)}/a", aChanged)).EnsureSuccess().Body;

        var rvA = long.Parse(a["metadata"]!["resourceVersion"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var rvB = long.Parse(b["metadata"]!["resourceVersion"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var rvUpdated = long.Parse(updated["metadata"]!["resourceVersion"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(rvB > rvA);
        Assert.True(rvUpdated > rvB);
    }

    [Theory]
    [InlineData("Bad_Name")]
    [InlineData("-leading-dash")]
    [InlineData("UPPER")]
    public async Task Create_ReturnsInvalidNamingTheField_WhenNameIsNotDns1123(string name)
    {
        var ns = await cluster.CreateNamespaceAsync();

        var response = await Client.PostAsync(Objects.ConfigMaps(ns), Objects.ConfigMap(name));

        Assert.Equal(422, response.Code);
        Assert.Equal("Invalid", response.Reason);
        Assert.Contains("metadata.name", response.CauseFields);
    }

    [Fact]
    public async Task Create_ReturnsInvalid_WhenConfigMapKeyIsMalformed()
    {
        var ns = await cluster.CreateNamespaceAsync();

        var response = await Client.PostAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("keys", new Dictionary<string, string> { ["bad key!"] = "v" }));

        Assert.Equal(422, response.Code);
        Assert.Contains(response.CauseFields, f => f.StartsWith("data", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": ")]
    public async Task Create_ReturnsBadRequest_ForMalformedBodies(string body)
    {
        var ns = await cluster.CreateNamespaceAsync();

        var response = await Client.SendRawAsync(HttpMethod.Post, Objects.ConfigMaps(ns), Encoding.UTF8.GetBytes(body), "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadRequest", response.Reason);
    }

    [Theory]
    [InlineData("v2", "ConfigMap")]
    [InlineData("v1", "Secret")]
    public async Task Create_ReturnsBadRequest_WhenApiVersionOrKindDoNotMatchTheUrl(string apiVersion, string kind)
    {
        var ns = await cluster.CreateNamespaceAsync();
        var body = Objects.ConfigMap("wrong");
        body["apiVersion"] = apiVersion;
        body["kind"] = kind;

        var response = await Client.PostAsync(Objects.ConfigMaps(ns), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Create_AcceptsYaml()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-yaml\ndata:\n  answer: \"42\"\n";

        var response = await Client.SendRawAsync(HttpMethod.Post, Objects.ConfigMaps(ns), Encoding.UTF8.GetBytes(yaml), "application/yaml");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("42", response.Body["data"]!["answer"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_ReturnsRequestEntityTooLarge_ForOversizedBodies()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var big = Objects.ConfigMap("big", new Dictionary<string, string> { ["blob"] = new string('x', 4 * 1024 * 1024) });

        var response = await Client.PostAsync(Objects.ConfigMaps(ns), big);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"{Objects.ConfigMaps(ns)}/big")).StatusCode);
    }

    [Fact]
    public async Task Create_ReturnsUnsupportedMediaType_ForUnknownContentType()
    {
        var ns = await cluster.CreateNamespaceAsync();

        var response = await Client.SendRawAsync(HttpMethod.Post, Objects.ConfigMaps(ns), Encoding.UTF8.GetBytes("hello"), "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("UnsupportedMediaType", response.Reason);
    }

    [Fact]
    public async Task Put_ReturnsMethodNotAllowed_OnACollection()
    {
        var ns = await cluster.CreateNamespaceAsync();

        var response = await Client.PutAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("x"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("MethodNotAllowed", response.Reason);
    }

    [Fact]
    public async Task Get_ReturnsNotFound_ForAnUnknownResource()
    {
        var response = await Client.GetAsync("/apis/nothing.example.com/v1/things");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Delete_RemovesTheObject_AndHonoursPreconditions()
    {
        var ns = await cluster.CreateNamespaceAsync();
        await Client.CreateAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("gone"));

        var wrongUid = await Client.DeleteAsync($"{Objects.ConfigMaps(ns)}/gone", new JsonObject
        {
            ["kind"] = "DeleteOptions",
            ["apiVersion"] = "v1",
            ["preconditions"] = new JsonObject { ["uid"] = "00000000-0000-0000-0000-000000000000" },
        });
        var deleted = await Client.DeleteAsync($"{Objects.ConfigMaps(ns)}/gone");
        var again = await Client.DeleteAsync($"{Objects.ConfigMaps(ns)}/gone");

        Assert.Equal(HttpStatusCode.Conflict, wrongUid.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task DeleteCollection_DeletesOnlyMatchingObjects()
    {
        var ns = await cluster.CreateNamespaceAsync();
        await Client.CreateAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("keep", labels: new Dictionary<string, string> { ["tier"] = "keep" }));
        await Client.CreateAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("drop1", labels: new Dictionary<string, string> { ["tier"] = "drop" }));
        await Client.CreateAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("drop2", labels: new Dictionary<string, string> { ["tier"] = "drop" }));

        (await Client.DeleteAsync($"{Objects.ConfigMaps(ns)}?labelSelector=tier%3Ddrop")).EnsureSuccess();

        var names = (await Client.GetAsync(Objects.ConfigMaps(ns))).Body["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("keep", names);
        Assert.DoesNotContain("drop1", names);
        Assert.DoesNotContain("drop2", names);
    }

    [Fact]
    public async Task Secret_StringDataIsFoldedIntoData()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var secret = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new JsonObject { ["name"] = "s" },
            ["stringData"] = new JsonObject { ["password"] = "hunter2" },
        };

        var created = await Client.CreateAsync($"/api/v1/namespaces/{ns}/secrets", secret);

        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("hunter2")), created["data"]!["password"]!.GetValue<string>());
        Assert.Null(created["stringData"]);
        Assert.Equal("Opaque", created["type"]!.GetValue<string>());
    }
}
