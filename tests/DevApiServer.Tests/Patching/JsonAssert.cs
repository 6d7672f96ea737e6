using System.Text.Json.Nodes;

namespace KubeBind.DevApiServer.Tests.Patching;

/// <summary>JSON equality with both documents in the failure message.</summary>
internal static class JsonAssert
{
    public static void Equal(JsonNode? expected, JsonNode? actual) =>
        Assert.True(
            JsonNode.DeepEquals(expected, actual),
            $"expected {expected?.ToJsonString() ?? "null"}{Environment.NewLine}but got  {actual?.ToJsonString() ?? "null"}");
}
