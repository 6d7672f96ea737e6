using System.Net;
using System.Text;

namespace KubeBind.Queues.Tests;

/// <summary>An HTTP handler that answers from a script and records what it was sent.</summary>
internal sealed class StubHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, int, HttpResponseMessage> _answer;
    private readonly List<HttpRequestMessage> _requests = [];

    /// <param name="answer">The answer to the nth (1-based) request; throw to simulate a transport failure.</param>
    public StubHandler(Func<HttpRequestMessage, int, HttpResponseMessage> answer) => _answer = answer;

    public IReadOnlyList<HttpRequestMessage> Requests => _requests;

    public static HttpResponseMessage Answer(HttpStatusCode status, string body = "", string? errorCode = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/xml") };
        if (errorCode is not null)
        {
            response.Headers.TryAddWithoutValidation("x-ms-error-code", errorCode);
        }

        return response;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_requests)
        {
            _requests.Add(request);
            return Task.FromResult(_answer(request, _requests.Count));
        }
    }
}
