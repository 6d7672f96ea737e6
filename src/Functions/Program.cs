using KubeBind.Functions.Hosting;
using KubeBind.Functions.Metadata;

if (args is [GenerateFunctionMetadataCommand.Name, .. var rest])
{
    return GenerateFunctionMetadataCommand.Run(rest, Console.Out, Console.Error);
}

return await FunctionsHost.RunAsync(args);
