using System.Net;
using System.Net.Http.Headers;

namespace KubeBind.Queues.Rest;

/// <summary>A successful answer: status, headers and the body text (XML or empty).</summary>
internal sealed record QueueResponse(HttpStatusCode StatusCode, HttpResponseHeaders Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
