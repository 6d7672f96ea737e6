using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeBind.Api.V1Alpha2;

namespace KubeBind.Api.Tests.V1Alpha2;

public sealed class ApiJsonTests
{
    public static TheoryData<string> Fixtures { get; } = new(
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "V1Alpha2"), "*.json")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Serialize_KeepsEveryField_WhenFixtureRoundTrips(string fixture)
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "V1Alpha2", fixture));
        var original = JsonNode.Parse(json)!;
        var kind = original["kind"]!.GetValue<string>();

        var roundTripped = JsonNode.Parse(WireKinds.RoundTrip(kind, json));

        Assert.True(JsonNode.DeepEquals(original, roundTripped), $"expected\n{original.ToJsonString()}\ngot\n{roundTripped?.ToJsonString()}");
    }

    [Fact]
    public void Deserialize_KeepsDeclaredDefaults_WhenFieldsAreMissing()
    {
        var json = """{"metadata":{"name":"cowboys.wildwest.dev"},"spec":{"names":{}}}""";

        var schema = ApiJson.Deserialize<BoundSchema>(json)!;

        Assert.Equal(BoundSchema.KindName, schema.Kind);
        Assert.Equal("kube-bind.io/v1alpha2", schema.ApiVersion);
        Assert.Equal("", schema.Spec.Group);
        Assert.Empty(schema.Spec.Versions);
        Assert.Equal("", schema.Spec.Names.Plural);
        Assert.NotNull(schema.Status);
    }

    [Fact]
    public void Deserialize_GivesEmptyLists_WhenRequestOmitsThem()
    {
        var json = """{"spec":{"resources":[{"group":"wildwest.dev","resource":"cowboys"}]}}""";

        var request = ApiJson.Deserialize<ApiServiceExportRequest>(json)!;

        Assert.Empty(request.Spec.PermissionClaims);
        Assert.Empty(request.Spec.Resources[0].Versions);
        Assert.Empty(request.Status.Conditions);
    }

    [Fact]
    public void Serialize_WritesGoDefaults_WhenObjectIsNew()
    {
        var request = new ApiServiceExportRequest
        {
            Metadata = new() { Name = "cowboys" },
            Spec = new() { Resources = [new() { Group = "wildwest.dev", Resource = "cowboys" }] },
        };

        var json = ApiJson.Serialize(request);

        Assert.Equal(
            """{"kind":"APIServiceExportRequest","apiVersion":"kube-bind.io/v1alpha2","metadata":{"name":"cowboys"},"spec":{"resources":[{"group":"wildwest.dev","resource":"cowboys"}]},"status":{}}""",
            json);
    }

    [Fact]
    public void Deserialize_ReadsTypedFields_WhenClusterBindingHasStatus()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "V1Alpha2", "clusterbinding.json"));

        var binding = ApiJson.Deserialize<ClusterBinding>(json)!;

        Assert.Equal("kubeconfig", binding.Spec.KubeconfigSecretRef.Key);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 15, 4, 5, TimeSpan.Zero), binding.Status.LastHeartbeatTime);
        Assert.Equal("Ready", Assert.Single(binding.Status.Conditions).Type);
        Assert.True(binding.Extra!.ContainsKey("futureTopLevel"));
        Assert.True(binding.Spec.Extra!.ContainsKey("futureSpecField"));
    }

    [Fact]
    public void Serialize_WritesUpstreamDiscoveryDocument_WhenBindingProviderIsNew()
    {
        var provider = new BindingProvider
        {
            ProviderPrettyName = "Backend",
            Version = "v0.8.1",
            AuthenticationMethods = [new() { Method = AuthenticationMethod.OAuth2CodeGrantMethod, OAuth2CodeGrant = new() { AuthenticatedUrl = "http://backend.example.com/api/authorize" } }],
        };

        var json = ApiJson.Serialize(provider);

        Assert.Equal(
            """{"kind":"BindingProvider","apiVersion":"v1alpha2","providerPrettyName":"Backend","version":"v0.8.1","authenticationMethods":[{"method":"OAuth2CodeGrant","oauth2CodeGrant":{"authenticatedURL":"http://backend.example.com/api/authorize"}}]}""",
            json);
    }

    [Fact]
    public void Serialize_WritesUpstreamErrorBody_WhenErrorIsNew()
    {
        var error = new ErrorResponse { Message = "Missing cluster identity", Code = ErrorCode.BadRequest };

        var json = ApiJson.Serialize(error);

        Assert.Equal("""{"kind":"Error","apiVersion":"kube-bind.io/v1alpha2","message":"Missing cluster identity","code":"BAD_REQUEST"}""", json);
    }

    [Fact]
    public void Serialize_WritesEmptyItems_WhenListIsEmpty()
    {
        var list = new ApiServiceExportList();

        var json = ApiJson.Serialize(list);

        Assert.Equal("""{"kind":"APIServiceExportList","apiVersion":"kube-bind.io/v1alpha2","metadata":{},"items":[]}""", json);
    }

    [Fact]
    public void Deserialize_ReadsRequestAndKubeconfig_WhenBindingResponseCarriesThem()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "V1Alpha2", "bindingresponse.json"));

        var response = ApiJson.Deserialize<BindingResourceResponse>(json)!;
        var raw = Assert.Single(response.Requests);
        var request = raw.Deserialize(ApiJson.TypeInfo<ApiServiceExportRequestResponse>())!;

        Assert.Equal(BindingResourceResponse.HttpKindName, response.Kind);
        Assert.Equal("S", response.Authentication.OAuth2CodeGrant!.SessionId);
        Assert.StartsWith("apiVersion: v1\n", Encoding.UTF8.GetString(response.Kubeconfig), StringComparison.Ordinal);
        Assert.Equal("my-cowboys", request.Metadata.Name);
        Assert.Equal("cowboys", Assert.Single(request.Spec.Resources).Resource);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(raw.GetRawText()), JsonNode.Parse(ApiJson.Serialize(request))));
    }
}
