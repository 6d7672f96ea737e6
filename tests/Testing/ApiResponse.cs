using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace KubeBind.Testing;

/// <summary>A raw API response: status code, body and headers, with the Kubernetes Status fields when it is one.</summary>
public sealed record ApiResponse(HttpStatusCode StatusCode, string Text, HttpResponseHeaders Headers, string? ContentType)
{
    private JsonNode? _json;
    private bool _parsed;

    public JsonNode? Json
    {
        get
        {
            if (!_parsed)
            {
                _parsed = true;
                try
                {
                    _json = Text.Length == 0 ? null : JsonNode.Parse(Text);
                }
                catch (System.Text.Json.JsonException)
                {
                    _json = null;
                }
            }

            return _json;
        }
    }

    public JsonObject Body => Json as JsonObject ?? throw new InvalidOperationException($"response is not a JSON object ({(int)StatusCode}): {Text}");

    public int Code => (int)StatusCode;

    public bool IsSuccess => Code is >= 200 and < 300;

    /// <summary>The Status <c>reason</c> of an error response.</summary>
    public string? Reason => (Json as JsonObject)?["kind"]?.GetValue<string>() == "Status" ? Json!["reason"]?.GetValue<string>() : null;

    public IReadOnlyList<string> CauseFields =>
        ((Json as JsonObject)?["details"]?["causes"] as JsonArray)?.Select(c => c?["field"]?.GetValue<string>() ?? string.Empty).ToList() ?? [];

    public IReadOnlyList<string> Warnings => Headers.TryGetValues("Warning", out var values) ? values.ToList() : [];

    /// <summary>Throws with the server's message unless the request succeeded.</summary>
    public ApiResponse EnsureSuccess()
    {
        if (!IsSuccess)
        {
            throw new InvalidOperationException($"request failed with {Code}: {Text}");
        }

        return this;
    }

    public override string ToString() => $"{Code} {Text}";
}
