using System.Security.Cryptography;
using System.Text;
using KubeBind.Api.Schemas;
using KubeBind.Api.V1Alpha2;

namespace KubeBind.Api.Tests.Schemas;

public sealed class SpecHashTests
{
    public static TheoryData<string, Func<BoundSchemaSpec, BoundSchemaSpec>> Changes { get; } = new()
    {
        { "informer scope", s => s with { InformerScope = InformerScope.Cluster } },
        { "scope", s => s with { Scope = "Cluster" } },
        { "kind", s => s with { Names = s.Names with { Kind = "Cowgirl" } } },
        { "served", s => s with { Versions = [s.Versions[0] with { Served = false }] } },
        { "schema", s => s with { Versions = [s.Versions[0] with { Schema = System.Text.Json.JsonElement.Parse("""{"openAPIV3Schema":{"type":"object"}}""") }] } },
        { "conversion", s => s with { Conversion = new() { Strategy = "None" } } },
    };

    [Fact]
    public void Of_IsSha256OfJsonLine_WhenGivenOneSpec()
    {
        var spec = Cowboys();
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ApiJson.Serialize(spec) + "\n")));

        var hash = SpecHash.Of(spec);

        Assert.Equal(expected, hash);
        Assert.Matches("^[0-9a-f]{64}$", hash);
    }

    [Fact]
    public void Of_HashesJsonLinesInOrder_WhenGivenSeveralSpecs()
    {
        var cowboys = Cowboys();
        var sheriffs = CrdConversion.ToBoundSchemaSpec(TestCrds.Load("crd-sheriffs.yaml"));
        var lines = ApiJson.Serialize(cowboys) + "\n" + ApiJson.Serialize(sheriffs) + "\n";

        var hash = SpecHash.Of([cowboys, sheriffs]);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines))), hash);
        Assert.NotEqual(SpecHash.Of([sheriffs, cowboys]), hash);
    }

    [Fact]
    public void Of_IsStable_WhenSpecIsReserialized()
    {
        var spec = Cowboys();

        var reread = ApiJson.Deserialize<BoundSchemaSpec>(ApiJson.Serialize(spec))!;
        var rereadTwice = ApiJson.Deserialize<BoundSchemaSpec>(ApiJson.Serialize(reread))!;

        Assert.Equal(SpecHash.Of(spec), SpecHash.Of(reread));
        Assert.Equal(SpecHash.Of(spec), SpecHash.Of(rereadTwice));
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void Of_Changes_WhenSpecChanges(string _, Func<BoundSchemaSpec, BoundSchemaSpec> apply)
    {
        var spec = Cowboys();

        var changed = apply(spec);

        Assert.NotEqual(SpecHash.Of(spec), SpecHash.Of(changed));
    }

    private static BoundSchemaSpec Cowboys() => CrdConversion.ToBoundSchemaSpec(TestCrds.Load("crd-cowboys.yaml"));
}
