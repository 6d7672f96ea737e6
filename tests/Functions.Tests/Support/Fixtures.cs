using System.Text.Json.Nodes;

namespace KubeBind.Functions.Tests.Support;

/// <summary>The JSON fixtures under TestData/.</summary>
internal static class Fixtures
{
    public static string Read(params string[] parts) => File.ReadAllText(Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]));

    /// <summary>A queue invocation request whose message (object form) names <paramref name="name"/>.</summary>
    public static string InvocationNaming(string name)
    {
        var payload = JsonNode.Parse(Read("Invocations", "object-data.json"))!;
        payload["Data"]!["message"]!["name"] = name;
        return payload.ToJsonString();
    }
}
