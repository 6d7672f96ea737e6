using System.Text.Json;
using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Apply;

namespace KubeBind.DevApiServer.Tests.Apply;

/// <summary>Test data loading and small builders shared by the apply tests.</summary>
internal static class Fixtures
{
    public static readonly DateTimeOffset T0 = new(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);

    private static readonly JsonDocumentOptions DeepDocuments = new() { MaxDepth = 512 };

    public static ApplySchema WidgetSchema { get; } = ApplySchema.FromOpenApiV3(Load("widget-schema.json"));

    public static JsonObject Load(string name) =>
        Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", name)));

    public static JsonArray LoadArray(string name) =>
        (JsonArray)JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", name)))!;

    public static JsonObject Parse(string json) => (JsonObject)JsonNode.Parse(json, documentOptions: DeepDocuments)!;

    public static ManagedFieldsContext Context(int minutes = 0, string apiVersion = "v1", string? subresource = null, params string[] resetFields) =>
        new(apiVersion, T0.AddMinutes(minutes), subresource, resetFields);

    public static ManagedFieldsContext WidgetContext(int minutes = 0, string? subresource = null) =>
        Context(minutes, "wildwest.dev/v1alpha1", subresource, subresource is null ? ["status"] : ["spec"]);

    /// <summary>A ConfigMap apply configuration with the given data, e.g. <c>("key", "value")</c>.</summary>
    public static JsonObject ConfigMap(params (string Key, string Value)[] data)
    {
        var config = Parse("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"demo","namespace":"default"}}""");
        if (data.Length > 0)
        {
            var map = new JsonObject();
            foreach (var (key, value) in data)
            {
                map[key] = value;
            }

            config["data"] = map;
        }

        return config;
    }

    /// <summary>A Widget apply configuration with the given spec.</summary>
    public static JsonObject Widget(string spec) =>
        Parse($$"""{"apiVersion":"wildwest.dev/v1alpha1","kind":"Widget","metadata":{"name":"w1","namespace":"default"},"spec":{{spec}}}""");

    public static JsonArray ManagedFields(JsonObject obj) => (obj["metadata"] as JsonObject)?["managedFields"] as JsonArray ?? [];

    public static JsonObject? Entry(JsonObject obj, string manager, string operation = "Apply") =>
        ManagedFields(obj).OfType<JsonObject>().SingleOrDefault(e =>
            e["manager"]?.GetValue<string>() == manager && e["operation"]?.GetValue<string>() == operation);

    public static FieldSet FieldsOf(JsonObject obj, string manager, string operation = "Apply") =>
        Entry(obj, manager, operation) is { } entry ? FieldSet.FromFieldsV1((JsonObject)entry["fieldsV1"]!) : new FieldSet();

    public static string[] PathsOf(JsonObject obj, string manager, string operation = "Apply") =>
        [.. FieldsOf(obj, manager, operation).Paths().Select(p => p.ToString())];

    public static void AssertJsonEqual(JsonNode? expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"Expected:\n{expected?.ToJsonString()}\nActual:\n{actual?.ToJsonString()}");
}
