using KubeBind.Functions.Catalog;

namespace KubeBind.Functions.Metadata;

/// <summary><c>generate-function-metadata --output &lt;dir&gt;</c>: what the publish step runs to write the function.json files.</summary>
internal static class GenerateFunctionMetadataCommand
{
    public const string Name = "generate-function-metadata";

    private const string Usage = $"usage: KubeBind.Functions {Name} --output <function app folder>";

    /// <summary>Runs the command; 0 on success, 2 on bad arguments.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args is ["--help" or "-h"])
        {
            output.WriteLine(Usage);
            return 0;
        }

        if (args is not ["--output" or "-o", var directory] || string.IsNullOrWhiteSpace(directory))
        {
            error.WriteLine(Usage);
            return 2;
        }

        var written = FunctionMetadataWriter.Write(FunctionCatalog.Default, directory);
        output.WriteLine($"wrote {written.Count} function.json file(s) to {Path.GetFullPath(directory)}");
        return 0;
    }
}
