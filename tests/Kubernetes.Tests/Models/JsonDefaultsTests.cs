using System.Text.Json;
using KubeBind.Kubernetes.Models;

namespace KubeBind.Kubernetes.Tests.Models;

public sealed class JsonDefaultsTests
{
    [Fact]
    public void Deserialize_GivesEmptyCauses_WhenStatusDetailsOmitThem()
    {
        var json = """{"kind":"Status","code":404,"details":{"name":"x"}}""";

        var status = JsonSerializer.Deserialize(json, KubernetesJson.TypeInfo<Status>())!;

        Assert.NotNull(status.Details);
        Assert.Empty(status.Details.Causes);
    }

    [Fact]
    public void Deserialize_KeepsMetadata_WhenLeaseOmitsIt()
    {
        var lease = JsonSerializer.Deserialize("{}", KubernetesJson.TypeInfo<Lease>())!;

        Assert.NotNull(lease.Metadata);
    }

    [Fact]
    public void Deserialize_KeepsPresentValues_WhenTheyAreGiven()
    {
        var json = """{"kind":"Status","details":{"causes":[{"field":"spec"}]}}""";

        var status = JsonSerializer.Deserialize(json, KubernetesJson.TypeInfo<Status>())!;

        Assert.Equal("spec", Assert.Single(status.Details!.Causes).Field);
    }
}
