using System.Text.Json;
using KubeBind.Api.Conditions;

namespace KubeBind.Api.Tests.Conditions;

public sealed class ConditionTests
{
    public static TheoryData<Condition, string> WireCases => new()
    {
        {
            Condition.False("SecretValid", "ProviderSecretNotFound", ConditionSeverity.Warning, "Secret kubeconfig not found") with
            {
                LastTransitionTime = new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero),
            },
            """{"type":"SecretValid","status":"False","severity":"Warning","lastTransitionTime":"2024-05-01T10:00:00Z","reason":"ProviderSecretNotFound","message":"Secret kubeconfig not found"}"""
        },
        {
            Condition.True("Ready") with { LastTransitionTime = new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero) },
            """{"type":"Ready","status":"True","lastTransitionTime":"2024-05-01T10:00:00Z"}"""
        },
        {
            Condition.True("Ready"),
            """{"type":"Ready","status":"True","lastTransitionTime":null}"""
        },
    };

    [Theory]
    [MemberData(nameof(WireCases))]
    public void Serialize_WritesGoFieldNames_WhenConditionIsSet(Condition condition, string json)
    {
        var written = JsonSerializer.Serialize(condition, ConditionJsonContext.Default.Condition);

        Assert.Equal(json, written);
    }

    [Theory]
    [MemberData(nameof(WireCases))]
    public void Deserialize_ReadsWhatWasWritten_WhenJsonComesFromGo(Condition condition, string json)
    {
        var read = JsonSerializer.Deserialize(json, ConditionJsonContext.Default.Condition);

        Assert.Equal(condition, read);
    }

    [Theory]
    [InlineData("2024-05-01T10:00:00.987654Z")]
    [InlineData("2024-05-01T12:00:00.5+02:00")]
    public void Serialize_WritesUtcSeconds_WhenTimeHasFractionsOrOffset(string time)
    {
        var read = JsonSerializer.Deserialize($$"""{"type":"A","status":"True","lastTransitionTime":"{{time}}"}""", ConditionJsonContext.Default.Condition);

        var written = JsonSerializer.Serialize(read!, ConditionJsonContext.Default.Condition);

        Assert.Equal("""{"type":"A","status":"True","lastTransitionTime":"2024-05-01T10:00:00Z"}""", written);
    }

    [Fact]
    public void Serialize_OmitsEmptyOptionalFields_WhenGoSentEmptyStrings()
    {
        var read = JsonSerializer.Deserialize(
            """{"type":"A","status":"True","severity":"","lastTransitionTime":"2024-05-01T10:00:00Z","reason":"","message":""}""",
            ConditionJsonContext.Default.Condition);

        var written = JsonSerializer.Serialize(read!, ConditionJsonContext.Default.Condition);

        Assert.Equal("""{"type":"A","status":"True","lastTransitionTime":"2024-05-01T10:00:00Z"}""", written);
    }

    [Fact]
    public void Serialize_KeepsUnknownFields_WhenRoundTripped()
    {
        const string Json = """{"type":"A","status":"True","lastTransitionTime":"2024-05-01T10:00:00Z","observedGeneration":3}""";

        var read = JsonSerializer.Deserialize(Json, ConditionJsonContext.Default.Condition);
        var written = JsonSerializer.Serialize(read!, ConditionJsonContext.Default.Condition);

        Assert.Equal(Json, written);
    }
}
