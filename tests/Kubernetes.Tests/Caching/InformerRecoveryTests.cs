using System.Net;
using System.Text.Json.Nodes;
using KubeBind.Kubernetes.Caching;
using KubeBind.Kubernetes.Models;
using KubeBind.Kubernetes.Rest;
using KubeBind.Kubernetes.Tests.Rest;
using KubeBind.Testing;

namespace KubeBind.Kubernetes.Tests.Caching;

/// <summary>How informers and watches behave when the server misbehaves, with scripted handlers (no cluster).</summary>
public sealed class InformerRecoveryTests
{
    private static readonly GroupVersionResource ConfigMaps = new(string.Empty, "v1", "configmaps");
    private const string EmptyList = """{"kind":"ConfigMapList","apiVersion":"v1","metadata":{"resourceVersion":"7"},"items":[]}""";

    [Fact]
    public async Task Informer_RecoversFromARequestTimeout_AndReportsIt()
    {
        var handler = new SlowFirstListHandler();
        using var client = new KubernetesClient(
            new KubernetesConfiguration { Server = new Uri("https://example.invalid") },
            new KubernetesClientOptions { MessageHandler = handler, RequestTimeout = TimeSpan.FromMilliseconds(100), MaxRetries = 0, Qps = 0 });
        await using var informer = new Informer<JsonObject>(client.Resource(ConfigMaps), new InformerOptions { MaxBackoff = TimeSpan.FromMilliseconds(50) });
        var errors = new List<Exception>();
        informer.Error += e => errors.Add(e);
        using var cts = new CancellationTokenSource(WaitFor.DefaultTimeout);

        var run = informer.RunAsync(cts.Token);
        await informer.WaitForSyncAsync(cts.Token);

        Assert.Contains(errors, e => e is TimeoutException);
        await cts.CancelAsync();
        await run;
    }

    [Fact]
    public async Task Watch_WithoutAResourceVersion_EndsInsteadOfReplayingEverything()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Json(HttpStatusCode.OK, string.Empty));
        using var client = new KubernetesClient(
            new KubernetesConfiguration { Server = new Uri("https://example.invalid") },
            new KubernetesClientOptions { MessageHandler = handler, Qps = 0 });
        using var cts = new CancellationTokenSource(WaitFor.DefaultTimeout);

        var events = 0;
        await foreach (var _ in client.Resource(ConfigMaps).WatchAsync("ns", new WatchOptions(), cts.Token))
        {
            events++;
        }

        Assert.Equal(0, events);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Factory_StartedTwice_RunsEachInformerOnce()
    {
        var handler = new CountingHandler();
        using var client = new KubernetesClient(
            new KubernetesConfiguration { Server = new Uri("https://example.invalid") },
            new KubernetesClientOptions { MessageHandler = handler, Qps = 0 });
        await using var factory = new InformerFactory(client);
        factory.For(ConfigMaps, new InformerOptions { Namespace = "ns" });
        using var cts = new CancellationTokenSource(WaitFor.DefaultTimeout);

        await factory.StartAsync(cts.Token);
        await factory.StartAsync(cts.Token);
        await WaitFor.ConditionAsync(() => Task.FromResult(handler.Watches >= 1), "the informer to watch");

        Assert.Equal(1, handler.Lists);
        await cts.CancelAsync();
    }

    [Fact]
    public async Task Subscribe_AfterDispose_ReturnsACompletedReader_AndDisposeIsIdempotent()
    {
        using var client = new KubernetesClient(new KubernetesConfiguration { Server = new Uri("https://example.invalid") });
        var informer = new Informer<JsonObject>(client.Resource(ConfigMaps));

        await informer.DisposeAsync();
        await informer.DisposeAsync();
        var reader = informer.Subscribe();

        Assert.True(reader.Completion.IsCompleted);
    }

    private sealed class SlowFirstListHandler : HttpMessageHandler
    {
        private int _calls;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.Query.Contains("watch=true", StringComparison.Ordinal))
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            if (Interlocked.Increment(ref _calls) == 1)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken); // the request timeout cancels this
            }

            return ScriptedHandler.Json(HttpStatusCode.OK, EmptyList);
        }
    }

    private sealed class CountingHandler : HttpMessageHandler
    {
        private int _lists;
        private int _watches;

        public int Lists => Volatile.Read(ref _lists);

        public int Watches => Volatile.Read(ref _watches);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.Query.Contains("watch=true", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _watches);
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            Interlocked.Increment(ref _lists);
            return ScriptedHandler.Json(HttpStatusCode.OK, EmptyList);
        }
    }
}
