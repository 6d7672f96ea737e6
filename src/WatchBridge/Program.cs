using KubeBind.WatchBridge.Hosting;

await using var app = WatchBridgeApp.Build(args);
await app.RunAsync();
