using KubeBind.DevApiServer;
using KubeBind.DevApiServer.Hosting;

var options = CommandLine.Parse(args, out var exitCode);
if (options is null)
{
    return exitCode;
}

await using var host = await ApiServerHost.StartAsync(options, logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
Console.WriteLine($"DevApiServer listening on {host.BaseAddress}");
if (options.KubeconfigPath is not null)
{
    Console.WriteLine($"kubeconfig written to {Path.GetFullPath(options.KubeconfigPath)} (try: kubectl --kubeconfig {options.KubeconfigPath} get namespaces)");
}
else
{
    Console.WriteLine($"admin token: {host.AdminToken} (pass --kubeconfig <path> to get a ready kubeconfig)");
}

Console.WriteLine("Press Ctrl-C to stop.");
await host.WaitForShutdownAsync();
return 0;
