using System.Text;
using KubeBind.Functions.Catalog;
using KubeBind.Functions.Hosting;
using KubeBind.Functions.Invocation;
using KubeBind.Testing;

namespace KubeBind.Functions.Tests.Support;

/// <summary>
/// The real function app on 127.0.0.1:0, started through its composition root with the test queue function added,
/// a fake queue sender, captured logs and a client.
/// </summary>
internal sealed class TestApp : IAsyncDisposable
{
    private TestApp(FunctionsHost host, CapturingLoggerProvider logs, FakeQueueSender sender, InvocationRecorder recorder)
    {
        Host = host;
        Logs = logs;
        Sender = sender;
        Recorder = recorder;
        Client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = WaitFor.DefaultTimeout };
    }

    public FunctionsHost Host { get; }

    public CapturingLoggerProvider Logs { get; }

    public FakeQueueSender Sender { get; }

    public InvocationRecorder Recorder { get; }

    public HttpClient Client { get; }

    /// <summary>As the Functions host runs it: <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> set (to 0, any free port).</summary>
    public static Task<TestApp> StartCustomHandlerAsync(params string[] args) =>
        StartAsync([$"--{FunctionsOptions.CustomHandlerPortKey}=0", .. args]);

    /// <summary>On its own, serving HTTP on a free port.</summary>
    public static Task<TestApp> StartStandaloneAsync(Action<IServiceCollection>? overrides = null) =>
        StartAsync(["--StandaloneUrl=http://127.0.0.1:0"], overrides);

    /// <summary>Starts the app with <paramref name="queueFunction"/> (default: the scripted test queue function) in its catalog.</summary>
    public static async Task<TestApp> StartAsync(string[] args, Action<IServiceCollection>? overrides = null, bool fakeSender = true, FunctionDefinition? queueFunction = null)
    {
        var logs = new CapturingLoggerProvider();
        var sender = new FakeQueueSender();
        var recorder = new InvocationRecorder();
        var host = await FunctionsHost.StartAsync(
            args,
            FunctionCatalog.Default.With(queueFunction ?? ScriptedQueueHandler.Definition),
            services =>
            {
                services.AddSingleton(recorder);
                if (fakeSender)
                {
                    services.AddSingleton<IQueueSender>(sender);
                }

                overrides?.Invoke(services);
            },
            logging => logging.AddProvider(logs));
        return new TestApp(host, logs, sender, recorder);
    }

    /// <summary>POSTs an invocation request, as the Functions host does, to <c>/{functionName}</c>.</summary>
    public async Task<HttpResponseMessage> InvokeAsync(string functionName, string payload)
    {
        using var content = new StringContent(payload, Encoding.UTF8, "application/json");
        return await Client.PostAsync(new Uri("/" + functionName, UriKind.Relative), content);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}
