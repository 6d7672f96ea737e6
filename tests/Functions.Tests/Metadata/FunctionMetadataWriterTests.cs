using System.Text.Json.Nodes;
using KubeBind.Functions.Catalog;
using KubeBind.Functions.Metadata;
using KubeBind.Functions.Tests.Support;

namespace KubeBind.Functions.Tests.Metadata;

/// <summary>function.json files are generated from the catalog, in the binding shapes the Functions host reads.</summary>
public sealed class FunctionMetadataWriterTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("function-metadata-").FullName;

    [Fact]
    public void Render_WritesOneQueueTriggerBinding_ForAQueueFunction()
    {
        var json = JsonNode.Parse(FunctionMetadataWriter.Render(ScriptedQueueHandler.Definition))!;

        var binding = Assert.Single(json["bindings"]!.AsArray())!.AsObject();
        Assert.Equal(
            new JsonObject
            {
                ["type"] = "queueTrigger",
                ["direction"] = "in",
                ["name"] = "message",
                ["queueName"] = ScriptedQueueHandler.QueueName,
                ["connection"] = "AzureWebJobsStorage",
            }.ToJsonString(),
            binding.ToJsonString());
    }

    [Fact]
    public void Render_WritesHttpTriggerAndHttpOutput_ForAnHttpFunction()
    {
        var function = FunctionDefinition.Http<Health.HealthHandler>("Exports", "exports/{name}", ["GET", "POST"], HttpAuthLevel.Function);

        var bindings = JsonNode.Parse(FunctionMetadataWriter.Render(function))!["bindings"]!.AsArray();

        Assert.Equal(2, bindings.Count);
        Assert.Equal(
            new JsonObject
            {
                ["type"] = "httpTrigger",
                ["direction"] = "in",
                ["name"] = "req",
                ["methods"] = new JsonArray("get", "post"),
                ["route"] = "exports/{name}",
                ["authLevel"] = "function",
            }.ToJsonString(),
            bindings[0]!.ToJsonString());
        Assert.Equal(new JsonObject { ["type"] = "http", ["direction"] = "out", ["name"] = "res" }.ToJsonString(), bindings[1]!.ToJsonString());
    }

    [Fact]
    public void Write_CreatesAFolderPerFunction_AndRemovesFunctionsNoLongerInTheCatalog()
    {
        var stale = Directory.CreateDirectory(Path.Combine(_directory, "Retired")).FullName;
        File.WriteAllText(Path.Combine(stale, "function.json"), "{}");
        var unrelated = Directory.CreateDirectory(Path.Combine(_directory, "wwwroot")).FullName;
        File.WriteAllText(Path.Combine(unrelated, "index.html"), "<p>");

        var catalog = FunctionCatalog.Default.With(ScriptedQueueHandler.Definition);

        var written = FunctionMetadataWriter.Write(catalog, _directory);

        Assert.Equal(catalog.Functions.Select(f => Path.Combine(_directory, f.Name, "function.json")), written);
        Assert.All(written, path => Assert.True(File.Exists(path)));
        Assert.False(Directory.Exists(stale));
        Assert.True(File.Exists(Path.Combine(unrelated, "index.html")));
    }

    [Theory]
    [InlineData]
    [InlineData("--output")]
    [InlineData("--out", "x")]
    public void GenerateCommand_Exits2WithUsage_WhenOutputIsNotGiven(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = GenerateFunctionMetadataCommand.Run(args, output, error);

        Assert.Equal(2, exitCode);
        Assert.Contains("--output <function app folder>", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void GenerateCommand_WritesTheDefaultCatalog()
    {
        using var output = new StringWriter();

        var exitCode = GenerateFunctionMetadataCommand.Run(["--output", _directory], output, TextWriter.Null);

        Assert.Equal(0, exitCode);
        Assert.Equal(FunctionCatalog.Default.Functions.Count, Directory.GetFiles(_directory, "function.json", SearchOption.AllDirectories).Length);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
