using System.Net;
using System.Text;
using KubeBind.Testing;

namespace KubeBind.DevApiServer.Tests.Conformance;

/// <summary>Bad input never crashes the server or corrupts state: every answer is a 4xx Status and the server keeps serving.</summary>
[Collection(ClusterCollection.Name)]
public sealed class HostileInputTests(TestCluster cluster)
{
    private static readonly string[] MediaTypes =
    [
        "application/json", "application/yaml", "application/vnd.kubernetes.protobuf",
        "application/merge-patch+json", "application/json-patch+json", "application/strategic-merge-patch+json", "application/apply-patch+yaml",
    ];

    private ClusterClient Client => cluster.Client;

    public static TheoryData<string, string> Bodies => new()
    {
        { "deep-json", new string('[', 5000) + new string(']', 5000) },
        { "deep-object", string.Concat(Enumerable.Repeat("{\"a\":", 3000)) + "1" + new string('}', 3000) },
        { "huge-number", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"n","generation":1e400},"data":{}}""" },
        { "wrong-types", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":["x"],"labels":"nope","finalizers":{}},"data":[1,2]}""" },
        { "invalid-utf8", "\u00ff\u00fe\u0000{" },
        { "billion-laughs", "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n" },
        { "yaml-tabs", "apiVersion: v1\n\tkind: ConfigMap\n" },
        { "empty", string.Empty },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task HostileBodies_GetClientErrors_AndTheServerKeepsServing(string name, string body)
    {
        var ns = await cluster.CreateNamespaceAsync();
        await Client.CreateAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("victim"));
        var before = (await Client.GetAsync($"{Objects.ConfigMaps(ns)}/victim")).Body["metadata"]!["resourceVersion"]!.GetValue<string>();
        var bytes = Encoding.UTF8.GetBytes(body);

        foreach (var mediaType in MediaTypes)
        {
            var method = mediaType.Contains("patch", StringComparison.Ordinal) ? HttpMethod.Patch : HttpMethod.Post;
            var path = method == HttpMethod.Patch ? $"{Objects.ConfigMaps(ns)}/victim?fieldManager=fuzz" : Objects.ConfigMaps(ns);
            var response = await Client.SendRawAsync(method, path, bytes, mediaType);

            Assert.True(response.Code is >= 400 and < 500, $"{name} as {mediaType} answered {response}");
            Assert.Equal("Status", response.Json?["kind"]?.GetValue<string>());
        }

        var after = (await Client.GetAsync($"{Objects.ConfigMaps(ns)}/victim")).EnsureSuccess().Body;
        Assert.Equal(before, after["metadata"]!["resourceVersion"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("after"))).StatusCode);
    }

    [Fact]
    public async Task RandomBytes_NeverYieldAServerError()
    {
        var ns = await cluster.CreateNamespaceAsync();
        await Client.CreateAsync(Objects.ConfigMaps(ns), Objects.ConfigMap("victim"));
        var random = new Random(20261121);

        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(0, 512)];
            random.NextBytes(bytes);
            if (i % 3 == 0 && bytes.Length > 4)
            {
                bytes[0] = 0x6b;
                bytes[1] = 0x38;
                bytes[2] = 0x73;
                bytes[3] = 0x00;
            }

            var mediaType = MediaTypes[i % MediaTypes.Length];
            var method = mediaType.Contains("patch", StringComparison.Ordinal) ? HttpMethod.Patch : HttpMethod.Post;
            var path = method == HttpMethod.Patch ? $"{Objects.ConfigMaps(ns)}/victim?fieldManager=fuzz" : Objects.ConfigMaps(ns);
            var response = await Client.SendRawAsync(method, path, bytes, mediaType);

            Assert.True(response.Code is >= 400 and < 500, $"case {i} ({mediaType}) answered {response}");
        }
    }
}
