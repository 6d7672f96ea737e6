using KubeBind.WatchBridge.Hosting;
using Microsoft.Extensions.Options;

await using var app = WatchBridgeApp.Build(args);
try
{
    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException e)
{
    // A bad setting is the operator's to fix: say which, without a stack trace.
    await Console.Error.WriteLineAsync($"watchbridge: invalid configuration: {e.Message}");
    return 2;
}
