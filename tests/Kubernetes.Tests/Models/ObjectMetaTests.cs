using System.Text.Json;
using KubeBind.Kubernetes.Models;

namespace KubeBind.Kubernetes.Tests.Models;

public sealed class ObjectMetaTests
{
    [Fact]
    public void Serialize_WritesTimestampsLikeGo_UtcToTheSecond()
    {
        var metadata = new ObjectMeta { Name = "x", CreationTimestamp = new DateTimeOffset(2024, 5, 1, 12, 0, 0, 123, TimeSpan.FromHours(2)) };

        var json = JsonSerializer.Serialize(metadata, KubernetesJsonContext.Default.ObjectMeta);

        Assert.Contains("\"creationTimestamp\":\"2024-05-01T10:00:00Z\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("deletionTimestamp", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_ReadsRfc3339WithOffsetsAsUtc()
    {
        var metadata = JsonSerializer.Deserialize("""{"name":"x","creationTimestamp":"2024-05-01T12:00:00+02:00"}""", KubernetesJsonContext.Default.ObjectMeta)!;

        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero), metadata.CreationTimestamp);
    }
}
