using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeBind.Functions.Bench;

/// <summary>host.json variants for the bench, derived from the repository's file so they differ in one setting only.</summary>
internal static class BenchHostJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes a copy of <paramref name="hostJsonPath"/> into <paramref name="directory"/> with <c>extensions.queues.maxPollingInterval</c> set to <paramref name="interval"/>.</summary>
    public static string WithMaxPollingInterval(string hostJsonPath, TimeSpan interval, string directory)
    {
        var hostJson = JsonNode.Parse(File.ReadAllText(hostJsonPath))!.AsObject();
        hostJson["extensions"]!["queues"]!["maxPollingInterval"] = interval.ToString("c", CultureInfo.InvariantCulture);
        var path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"host.polling-{interval.TotalMilliseconds:0}ms.json"));
        File.WriteAllText(path, hostJson.ToJsonString(Indented));
        return path;
    }
}
