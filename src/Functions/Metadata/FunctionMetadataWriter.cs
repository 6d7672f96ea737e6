using System.Text;
using System.Text.Json;
using KubeBind.Functions.Catalog;

namespace KubeBind.Functions.Metadata;

/// <summary>
/// Writes the function app's <c>&lt;Name&gt;/function.json</c> files from the catalog, so the Functions host's view of
/// the app can never drift from the code: one trigger binding per queue function, an HTTP trigger and output per
/// HTTP function.
/// </summary>
internal static class FunctionMetadataWriter
{
    public const string FileName = "function.json";

    /// <summary>Writes every function's file under <paramref name="appDirectory"/> and removes those of functions no longer in the catalog.</summary>
    public static IReadOnlyList<string> Write(FunctionCatalog catalog, string appDirectory)
    {
        Directory.CreateDirectory(appDirectory);
        var written = new List<string>();
        foreach (var function in catalog.Functions)
        {
            var folder = Path.Combine(appDirectory, function.Name);
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, FileName);
            File.WriteAllText(path, Render(function), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            written.Add(path);
        }

        // A folder left from an earlier publish would make the host register a function that no longer exists.
        foreach (var folder in Directory.EnumerateDirectories(appDirectory))
        {
            var stale = Path.Combine(folder, FileName);
            if (catalog.Find(Path.GetFileName(folder)) is null && File.Exists(stale))
            {
                File.Delete(stale);
                if (!Directory.EnumerateFileSystemEntries(folder).Any())
                {
                    Directory.Delete(folder);
                }
            }
        }

        return written;
    }

    /// <summary>The <c>function.json</c> text of one function.</summary>
    public static string Render(FunctionDefinition function)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("bindings");
            switch (function.Trigger)
            {
                case QueueTrigger queue:
                    json.WriteStartObject();
                    json.WriteString("type", "queueTrigger");
                    json.WriteString("direction", "in");
                    json.WriteString("name", queue.BindingName);
                    json.WriteString("queueName", queue.QueueName);
                    json.WriteString("connection", queue.Connection);
                    json.WriteEndObject();
                    break;
                case HttpTrigger http:
                    json.WriteStartObject();
                    json.WriteString("type", "httpTrigger");
                    json.WriteString("direction", "in");
                    json.WriteString("name", "req");
                    json.WriteStartArray("methods");
                    foreach (var method in http.Methods)
                    {
                        json.WriteStringValue(method.ToLowerInvariant());
                    }

                    json.WriteEndArray();
                    json.WriteString("route", http.Route);
                    json.WriteString("authLevel", http.AuthLevel.ToString().ToLowerInvariant());
                    json.WriteEndObject();
                    json.WriteStartObject();
                    json.WriteString("type", "http");
                    json.WriteString("direction", "out");
                    json.WriteString("name", "res");
                    json.WriteEndObject();
                    break;
                default:
                    throw new NotSupportedException($"Function '{function.Name}' has a {function.Trigger.GetType().Name}, which has no function.json form.");
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
