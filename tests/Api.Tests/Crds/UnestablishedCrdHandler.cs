using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace KubeBind.Api.Tests.Crds;

/// <summary>
/// Makes CRDs look not yet Established in answers to reads and writes (watches pass through untouched), since
/// DevApiServer establishes a CRD within the write itself and the installer's wait would otherwise never run.
/// </summary>
internal sealed class UnestablishedCrdHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly TaskCompletionSource _rewritten = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once an answer has been rewritten.</summary>
    public Task Rewritten => _rewritten.Task;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var uri = request.RequestUri!;
        if (!uri.AbsolutePath.Contains("/customresourcedefinitions/", StringComparison.Ordinal) || uri.Query.Contains("watch=", StringComparison.Ordinal) || !response.IsSuccessStatusCode)
        {
            return response;
        }

        var crd = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
        foreach (var condition in (crd["status"]?["conditions"] as JsonArray ?? []).OfType<JsonObject>().Where(c => c["type"]?.GetValue<string>() == "Established"))
        {
            condition["status"] = "False";
        }

        response.Content = new StringContent(crd.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        _rewritten.TrySetResult();
        return response;
    }
}
