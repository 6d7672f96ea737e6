using System.Text.Json.Nodes;
using KubeBind.Testing;

namespace KubeBind.DevApiServer.Tests.Kubectl;

/// <summary>kubectl, an independent client, driving the server through the upstream example CRDs and objects.</summary>
[Collection(KubectlCollection.Name)]
public sealed class KubectlTests(KubectlFixture fixture)
{
    private Testing.Kubectl Kubectl => fixture.Kubectl;

    private TestCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Apply_CreatesTheExamples_AndReportsUnchangedTheSecondTime()
    {
        await InstallCowboysAsync();

        var first = await Kubectl.SucceedAsync("apply", "-f", ReferenceData.Path("examples", "cr-cowboy.yaml"));
        var cowboyBefore = await GetJsonAsync("cowboy", "billy-the-kid", "wild-west");
        var second = await Kubectl.SucceedAsync("apply", "-f", ReferenceData.Path("examples", "cr-cowboy.yaml"));
        var cowboyAfter = await GetJsonAsync("cowboy", "billy-the-kid", "wild-west");

        Assert.Contains("secret/colt-45-permit", first, StringComparison.Ordinal);
        Assert.Contains("secret/colt-45-permit unchanged", second, StringComparison.Ordinal);
        Assert.Contains("secret/cowboy-gang-affiliation unchanged", second, StringComparison.Ordinal);
        Assert.Contains("namespace/wild-west unchanged", second, StringComparison.Ordinal);
        // kubectl re-sends the status it cannot set; the server ignores it, so the object does not change.
        Assert.Equal(ResourceVersion(cowboyBefore), ResourceVersion(cowboyAfter));
        Assert.Equal("Ride the range and protect the cattle", cowboyAfter["spec"]!["intent"]!.GetValue<string>());
    }

    [Fact]
    public async Task Apply_ClusterScopedSheriffs()
    {
        await Kubectl.SucceedAsync("apply", "-f", ReferenceData.Path("examples", "crd-sheriffs.yaml"));
        await Kubectl.SucceedAsync("wait", "--for=condition=Established", "crd/sheriffs.wildwest.dev", "--timeout=30s");
        Cluster.DeleteLater("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/sheriffs.wildwest.dev");

        await Kubectl.SucceedAsync("apply", "-f", ReferenceData.Path("examples", "cr-sheriff.yaml"));
        var sheriff = JsonNode.Parse(await Kubectl.SucceedAsync("get", "sheriff", "wyatt-earp", "-o", "json"))!.AsObject();

        Assert.Null(sheriff["metadata"]!["namespace"]);
        Assert.Equal("Keep the peace in Tombstone", sheriff["spec"]!["intent"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_Json_And_Table()
    {
        await InstallCowboysAsync();
        var ns = await Cluster.CreateNamespaceAsync("get");
        await Kubectl.SucceedAsync("create", "configmap", "shown", "-n", ns, "--from-literal=a=1", "--from-literal=b=2");

        var json = JsonNode.Parse(await Kubectl.SucceedAsync("get", "configmap", "shown", "-n", ns, "-o", "json"))!.AsObject();
        var table = await Kubectl.SucceedAsync("get", "configmap", "shown", "-n", ns);

        Assert.Equal("1", json["data"]!["a"]!.GetValue<string>());
        Assert.Contains("NAME", table, StringComparison.Ordinal);
        Assert.Contains("DATA", table, StringComparison.Ordinal);
        Assert.Matches(@"shown\s+2\s+", table);
    }

    [Fact]
    public async Task Describe_ShowsObjectsAndTheirEvents()
    {
        var ns = await Cluster.CreateNamespaceAsync("describe");
        await Kubectl.SucceedAsync("create", "configmap", "described", "-n", ns, "--from-literal=a=1");

        var output = await Kubectl.RunAsync(["describe", "configmap", "described", "-n", ns]);

        Assert.True(output.ExitCode == 0, output.ToString());
        Assert.Contains("Name:", output.Stdout, StringComparison.Ordinal);
        Assert.Contains("Events:", output.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Unable to find", output.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_ShowsTheCrdSchema()
    {
        await InstallCowboysAsync();

        var output = await Kubectl.SucceedAsync("explain", "cowboys.spec");

        Assert.Contains("CowboySpec holds the desired state of the Cowboy.", output, StringComparison.Ordinal);
        Assert.Contains("intent", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patch_InEveryType()
    {
        var ns = await Cluster.CreateNamespaceAsync("patch");
        await Kubectl.SucceedAsync("create", "configmap", "target", "-n", ns, "--from-literal=key=v0");

        await Kubectl.SucceedAsync("patch", "configmap", "target", "-n", ns, "-p", """{"data":{"strategic":"s"}}""");
        await Kubectl.SucceedAsync("patch", "configmap", "target", "-n", ns, "--type=merge", "-p", """{"data":{"merge":"m"}}""");
        await Kubectl.SucceedAsync("patch", "configmap", "target", "-n", ns, "--type=json", "-p", """[{"op":"replace","path":"/data/key","value":"j"}]""");
        var failed = await Kubectl.RunAsync(["patch", "configmap", "target", "-n", ns, "--type=json", "-p", """[{"op":"test","path":"/data/key","value":"nope"}]"""]);

        var data = JsonNode.Parse(await Kubectl.SucceedAsync("get", "configmap", "target", "-n", ns, "-o", "json"))!["data"]!;
        Assert.Equal("s", data["strategic"]!.GetValue<string>());
        Assert.Equal("m", data["merge"]!.GetValue<string>());
        Assert.Equal("j", data["key"]!.GetValue<string>());
        Assert.NotEqual(0, failed.ExitCode);
    }

    [Fact]
    public async Task Patch_CustomResource_WithMergeAndJson()
    {
        await InstallCowboysAsync();
        await Kubectl.SucceedAsync("apply", "-f", ReferenceData.Path("examples", "cr-cowboy.yaml"));

        await Kubectl.SucceedAsync("patch", "cowboy", "billy-the-kid", "-n", "wild-west", "--type=merge", "-p", """{"metadata":{"labels":{"patched":"merge"}}}""");
        await Kubectl.SucceedAsync("patch", "cowboy", "billy-the-kid", "-n", "wild-west", "--type=json", "-p", """[{"op":"add","path":"/metadata/labels/json","value":"yes"}]""");
        var strategic = await Kubectl.RunAsync(["patch", "cowboy", "billy-the-kid", "-n", "wild-west", "-p", """{"spec":{"intent":"x"}}"""]);

        var labels = (await GetJsonAsync("cowboy", "billy-the-kid", "wild-west"))["metadata"]!["labels"]!;
        Assert.Equal("merge", labels["patched"]!.GetValue<string>());
        Assert.Equal("yes", labels["json"]!.GetValue<string>());
        Assert.NotEqual(0, strategic.ExitCode);
    }

    [Fact]
    public async Task Replace_FailsWithConflict_OnAStaleResourceVersion()
    {
        var ns = await Cluster.CreateNamespaceAsync("replace");
        await Kubectl.SucceedAsync("create", "configmap", "cas", "-n", ns, "--from-literal=k=v");
        var stale = await Kubectl.SucceedAsync("get", "configmap", "cas", "-n", ns, "-o", "json");
        var file = Path.Combine(Cluster.WorkDirectory, $"stale-{ns}.json");
        await File.WriteAllTextAsync(file, stale.Replace("\"k\": \"v\"", "\"k\": \"first\"", StringComparison.Ordinal));

        await Kubectl.SucceedAsync("replace", "-f", file);
        var second = await Kubectl.RunAsync(["replace", "-f", file]);

        Assert.NotEqual(0, second.ExitCode);
        Assert.Contains("the object has been modified", second.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_RemovesTheObject()
    {
        var ns = await Cluster.CreateNamespaceAsync("delete");
        await Kubectl.SucceedAsync("create", "configmap", "doomed", "-n", ns);

        var output = await Kubectl.SucceedAsync("delete", "configmap", "doomed", "-n", ns);
        var get = await Kubectl.RunAsync(["get", "configmap", "doomed", "-n", ns]);

        Assert.Contains("deleted", output, StringComparison.Ordinal);
        Assert.NotEqual(0, get.ExitCode);
        Assert.Contains("NotFound", get.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_PrintsObjectsAsTheyAppear()
    {
        var ns = await Cluster.CreateNamespaceAsync("watch");
        using var watch = Kubectl.Stream("get", "configmaps", "-n", ns, "--watch", "-o", "name");
        await watch.WaitForLineAsync("configmap/kube-root-ca.crt");

        await Kubectl.SucceedAsync("create", "configmap", "appeared", "-n", ns);

        await watch.WaitForLineAsync("configmap/appeared");
    }

    [Fact]
    public async Task Watch_InTableForm_PrintsTheHeaderOnce()
    {
        var ns = await Cluster.CreateNamespaceAsync("tablewatch");
        using var watch = Kubectl.Stream("get", "configmaps", "-n", ns, "--watch");
        await watch.WaitForLineAsync("kube-root-ca.crt");

        await Kubectl.SucceedAsync("create", "configmap", "second", "-n", ns);
        await watch.WaitForLineAsync("second");

        Assert.Single(watch.Seen, line => line.StartsWith("NAME", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateFromFile_WorksForReviewKinds()
    {
        var file = await WriteAsync("review.yaml", "apiVersion: authorization.k8s.io/v1\nkind: SelfSubjectAccessReview\nspec:\n  resourceAttributes:\n    verb: list\n    resource: configmaps\n");

        var output = await Kubectl.SucceedAsync("create", "-f", file, "-o", "json");

        Assert.True(JsonNode.Parse(output)!["status"]!["allowed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ServerSideApply_Conflicts_AndForceConflictsWins()
    {
        var ns = await Cluster.CreateNamespaceAsync("ssa");
        var mine = await WriteAsync($"ssa-mine-{ns}.yaml", $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shared\n  namespace: {ns}\ndata:\n  owner: mine\n");
        var theirs = await WriteAsync($"ssa-theirs-{ns}.yaml", $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shared\n  namespace: {ns}\ndata:\n  owner: theirs\n");

        await Kubectl.SucceedAsync("apply", "--server-side", "-f", mine);
        var conflict = await Kubectl.RunAsync(["apply", "--server-side", "--field-manager=other", "-f", theirs]);
        await Kubectl.SucceedAsync("apply", "--server-side", "--field-manager=other", "--force-conflicts", "-f", theirs);

        Assert.NotEqual(0, conflict.ExitCode);
        Assert.Contains("conflict", conflict.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(".data.owner", conflict.Stderr, StringComparison.Ordinal);
        var data = JsonNode.Parse(await Kubectl.SucceedAsync("get", "configmap", "shared", "-n", ns, "-o", "json"))!["data"]!;
        Assert.Equal("theirs", data["owner"]!.GetValue<string>());
    }

    [Fact]
    public async Task AuthCanI_ReflectsRbac()
    {
        var ns = await Cluster.CreateNamespaceAsync("cani");
        await Kubectl.SucceedAsync("create", "serviceaccount", "robot", "-n", ns);
        var subject = $"system:serviceaccount:{ns}:robot";

        var before = await Kubectl.RunAsync(["auth", "can-i", "list", "configmaps", "-n", ns, "--as", subject]);
        await Kubectl.SucceedAsync("create", "role", "cm-reader", "-n", ns, "--verb=get,list", "--resource=configmaps");
        await Kubectl.SucceedAsync("create", "rolebinding", "cm-reader", "-n", ns, "--role=cm-reader", $"--serviceaccount={ns}:robot");
        var after = await Kubectl.RunAsync(["auth", "can-i", "list", "configmaps", "-n", ns, "--as", subject]);
        var admin = await Kubectl.RunAsync(["auth", "can-i", "*", "*"]);

        Assert.Equal("no", before.Stdout.Trim());
        Assert.Equal(1, before.ExitCode);
        Assert.Equal("yes", after.Stdout.Trim());
        Assert.Equal("yes", admin.Stdout.Trim());
    }

    [Fact]
    public async Task CreateToken_GivesAWorkingCredential()
    {
        var ns = await Cluster.CreateNamespaceAsync("token");
        await Kubectl.SucceedAsync("create", "serviceaccount", "bot", "-n", ns);

        var token = (await Kubectl.SucceedAsync("create", "token", "bot", "-n", ns)).Trim();
        var whoami = await Kubectl.SucceedAsync("auth", "whoami", "--token", token, "-o", "jsonpath={.status.userInfo.username}");
        var denied = await Kubectl.RunAsync(["get", "secrets", "-n", ns, "--token", token]);

        Assert.Equal($"system:serviceaccount:{ns}:bot", whoami.Trim());
        Assert.NotEqual(0, denied.ExitCode);
        Assert.Contains("Forbidden", denied.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LabelSelectors_FilterGets()
    {
        await InstallCowboysAsync();
        await Kubectl.SucceedAsync("apply", "-f", ReferenceData.Path("examples", "cr-cowboy.yaml"));

        var cowboySecrets = await Kubectl.SucceedAsync("get", "secrets", "-n", "wild-west", "-l", "app=cowboy", "-o", "name");
        var weapons = await Kubectl.SucceedAsync("get", "secrets", "-n", "wild-west", "-l", "app=cowboy,type in (weapon)", "-o", "name");
        var notWeapons = await Kubectl.SucceedAsync("get", "secrets", "-n", "wild-west", "-l", "app=cowboy,type!=weapon", "-o", "name");

        Assert.Equal(["secret/colt-45-permit", "secret/cowboy-gang-affiliation"], Lines(cowboySecrets).Order());
        Assert.Equal(["secret/colt-45-permit"], Lines(weapons));
        Assert.Equal(["secret/cowboy-gang-affiliation"], Lines(notWeapons));
    }

    [Fact]
    public async Task ChunkSize_PagesThroughEverything()
    {
        var ns = await Cluster.CreateNamespaceAsync("chunks");
        var items = string.Join("---\n", Enumerable.Range(0, 25).Select(i => $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: chunk-{i:00}\n  namespace: {ns}\n  labels:\n    chunked: \"true\"\n"));
        await Kubectl.SucceedAsync("apply", "-f", await WriteAsync($"chunks-{ns}.yaml", items));

        var listed = await Kubectl.SucceedAsync("get", "configmaps", "-n", ns, "-l", "chunked=true", "--chunk-size=4", "-o", "name");

        var names = Lines(listed);
        Assert.Equal(25, names.Count);
        Assert.Equal(25, names.Distinct().Count());
    }

    [Fact]
    public async Task Wait_ForADeletedObject()
    {
        var ns = await Cluster.CreateNamespaceAsync("waitdel");
        await Kubectl.SucceedAsync("create", "configmap", "gone-soon", "-n", ns);

        await Kubectl.SucceedAsync("delete", "configmap", "gone-soon", "-n", ns, "--wait=false");
        await Kubectl.SucceedAsync("wait", "--for=delete", "configmap/gone-soon", "-n", ns, "--timeout=30s");
    }

    private async Task InstallCowboysAsync()
    {
        var output = await Kubectl.SucceedAsync("apply", "-f", ReferenceData.Path("examples", "crd-cowboys.yaml"));
        Assert.Contains("customresourcedefinition.apiextensions.k8s.io/cowboys.wildwest.dev", output, StringComparison.Ordinal);
        await Kubectl.SucceedAsync("wait", "--for=condition=Established", "crd/cowboys.wildwest.dev", "--timeout=30s");
    }

    private async Task<JsonObject> GetJsonAsync(string kind, string name, string ns) =>
        JsonNode.Parse(await Kubectl.SucceedAsync("get", kind, name, "-n", ns, "-o", "json"))!.AsObject();

    private async Task<string> WriteAsync(string name, string content)
    {
        var path = Path.Combine(Cluster.WorkDirectory, name);
        await File.WriteAllTextAsync(path, content);
        return path;
    }

    private static string ResourceVersion(JsonObject obj) => obj["metadata"]!["resourceVersion"]!.GetValue<string>();

    private static List<string> Lines(string output) => [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
