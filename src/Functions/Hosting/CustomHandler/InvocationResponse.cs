using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace KubeBind.Functions.Hosting.CustomHandler;

/// <summary>The custom-handler response payload: output binding values, log lines for the invocation, the return value.</summary>
internal sealed record InvocationResponse
{
    /// <summary>Values for the function's output bindings, by binding name; our functions have none.</summary>
    [JsonPropertyName("Outputs")]
    public IReadOnlyDictionary<string, JsonNode?> Outputs { get; init; } = new Dictionary<string, JsonNode?>();

    /// <summary>Lines the Functions host adds to the invocation's log (Application Insights in Azure).</summary>
    [JsonPropertyName("Logs")]
    public IReadOnlyList<string> Logs { get; init; } = [];

    /// <summary>The <c>$return</c> binding's value; our functions return nothing.</summary>
    [JsonPropertyName("ReturnValue")]
    public JsonNode? ReturnValue { get; init; }
}
