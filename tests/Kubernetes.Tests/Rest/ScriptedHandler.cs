using System.Net;

namespace KubeBind.Kubernetes.Tests.Rest;

/// <summary>Answers requests from a script of responses and records what was asked.</summary>
internal sealed class ScriptedHandler(params Func<HttpRequestMessage, HttpResponseMessage>[] script) : HttpMessageHandler
{
    private int _next;

    public List<(HttpMethod Method, string? Authorization)> Requests { get; } = [];

    public static HttpResponseMessage Json(HttpStatusCode code, string body, TimeSpan? retryAfter = null)
    {
        var response = new HttpResponseMessage(code) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        if (retryAfter is { } delay)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(delay);
        }

        return response;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add((request.Method, request.Headers.Authorization?.ToString()));
        var step = script[Math.Min(_next++, script.Length - 1)];
        return Task.FromResult(step(request));
    }
}
