using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Patching;

namespace KubeBind.DevApiServer.Tests.Patching;

/// <summary>Reads the table-driven cases in TestData/*.json: name, original, patch (or patchText), expected or error.</summary>
internal static class PatchFixtures
{
    public static TheoryData<string> Names(string file)
    {
        var names = new TheoryData<string>();
        foreach (var fixture in Read(file))
        {
            names.Add(fixture["name"]!.GetValue<string>());
        }

        return names;
    }

    // Parsed afresh for every test so no two tests share, and lazily initialise, the same nodes.
    public static JsonObject Case(string file, string name) =>
        Read(file).Single(fixture => fixture["name"]!.GetValue<string>() == name);

    public static JsonNode? Original(JsonObject fixture) => fixture["original"];

    // patchText carries documents JsonObject cannot hold eagerly, such as duplicate member names.
    public static JsonNode? Patch(JsonObject fixture) =>
        fixture.TryGetPropertyValue("patchText", out var text) ? JsonNode.Parse(text!.GetValue<string>()) : fixture["patch"];

    public static string Snapshot(JsonObject fixture) =>
        fixture.TryGetPropertyValue("patchText", out var text)
            ? $"{fixture["original"]?.ToJsonString()} {text}"
            : $"{fixture["original"]?.ToJsonString()} {fixture["patch"]?.ToJsonString()}";

    public static void AssertOutcome(JsonObject fixture, JsonNode? result, Exception? error)
    {
        if (fixture.TryGetPropertyValue("error", out var expectedError))
        {
            var expectedType = expectedError!.GetValue<string>() == "malformed"
                ? typeof(MalformedPatchException)
                : typeof(PatchApplicationException);
            Assert.NotNull(error);
            Assert.IsType(expectedType, error);
            if (fixture["message"] is { } message)
            {
                Assert.Contains(message.GetValue<string>(), error.Message, StringComparison.Ordinal);
            }

            return;
        }

        Assert.Null(error);
        JsonAssert.Equal(fixture["expected"], result);
    }

    private static IEnumerable<JsonObject> Read(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", file)))!
            .AsArray()
            .Select(fixture => fixture!.AsObject());
}
