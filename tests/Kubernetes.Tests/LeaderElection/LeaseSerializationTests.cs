using System.Text.Json;
using KubeBind.Kubernetes.LeaderElection;
using KubeBind.Kubernetes.Models;

namespace KubeBind.Kubernetes.Tests.LeaderElection;

public sealed class LeaseSerializationTests
{
    [Fact]
    public void Serialize_WritesMicroTimeWithSixDigits_WhenTimeHasMoreOrFewer()
    {
        var spec = new LeaseSpec
        {
            AcquireTime = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.FromHours(2)),
            RenewTime = new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(1_234_567),
        };

        var json = JsonSerializer.SerializeToNode(spec, KubernetesJsonContext.Default.LeaseSpec)!;

        Assert.Equal("2024-05-01T10:00:00.000000Z", json["acquireTime"]!.GetValue<string>());
        Assert.Equal("2024-05-01T10:00:00.123456Z", json["renewTime"]!.GetValue<string>());
        Assert.Null(json["holderIdentity"]);
    }

    [Fact]
    public void Deserialize_KeepsUnknownFields_WhenRoundTripping()
    {
        const string Json = """
            {"apiVersion":"coordination.k8s.io/v1","kind":"Lease","metadata":{"name":"l"},
             "spec":{"holderIdentity":"a","renewTime":"2024-05-01T10:00:00.5Z","strategy":"OldestEmulationVersion"}}
            """;

        var lease = JsonSerializer.Deserialize(Json, KubernetesJsonContext.Default.Lease)!;
        var back = JsonSerializer.SerializeToNode(lease, KubernetesJsonContext.Default.Lease)!;

        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, 500, TimeSpan.Zero), lease.Spec!.RenewTime);
        Assert.Equal("OldestEmulationVersion", back["spec"]!["strategy"]!.GetValue<string>());
        Assert.Equal("2024-05-01T10:00:00.500000Z", back["spec"]!["renewTime"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(15, 15, 2)]
    [InlineData(15, 10, 0)]
    [InlineData(15, 2, 2)]
    public void Validate_Throws_WhenTimingsBreakClientGoInvariants(double lease, double renew, double retry)
    {
        var options = new LeaderElectorOptions
        {
            LeaseNamespace = "ns",
            LeaseName = "l",
            Identity = "me",
            LeaseDuration = TimeSpan.FromSeconds(lease),
            RenewDeadline = TimeSpan.FromSeconds(renew),
            RetryPeriod = TimeSpan.FromSeconds(retry),
        };

        Assert.Throws<ArgumentException>(options.Validate);
    }
}
