using KubeBind.Functions.Hosting;

return await FunctionsHost.RunAsync(args);
