using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Patching;

namespace KubeBind.DevApiServer.Tests.Patching;

public class PatchRobustnessTests
{
    private static readonly string[] Keys =
    [
        "a", "b", "name", "uid", "spec", "containers", "finalizers", "secrets", "metadata", "", "~1", "$patch", "$retainKeys",
        "$setElementOrder/containers", "$setElementOrder/finalizers", "$deleteFromPrimitiveList/finalizers", "$setElementOrder",
    ];

    private static readonly string[] Strings = ["replace", "delete", "merge", "a", "b", "name", "/a", "-", "0"];

    private static readonly string[] Pointers = ["", "/", "/a", "/a/0", "/a/-", "/a/b", "/containers/1/name", "a", "/~2", "/a/01"];

    private static readonly string[] Operations = ["add", "remove", "replace", "move", "copy", "test", "nope"];

    private static readonly StrategicPatchSchema Schema = StrategicMergePatchTests.KubernetesLike
        .MergeList("containers", "name")
        .MergePrimitiveList("finalizers")
        .MergeList("a", "name");

    public static TheoryData<string> Formats => ["merge", "json", "strategic"];

    // JSON merge patch accepts every document, so only the other two formats must be seen refusing some.
    public static TheoryData<string, int> FuzzedFormats => new() { { "merge", 0 }, { "json", 100 }, { "strategic", 100 } };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Apply_ThrowsPatchApplicationException_WhenPatchIsNestedTooDeeply(string format)
    {
        var deepObject = Nest(10_000, inner => new JsonObject { ["a"] = inner });
        var deepArray = Nest(10_000, inner => new JsonArray(inner));

        var objectError = Record.Exception(() => Apply(format, deepObject));
        var arrayError = Record.Exception(() => Apply(format, new JsonObject { ["a"] = deepArray }));

        Assert.IsType<PatchApplicationException>(objectError);
        Assert.IsType<PatchApplicationException>(arrayError);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Apply_Succeeds_WhenPatchNestingIsWithinTheLimit(string format)
    {
        var patch = Nest(40, inner => new JsonObject { ["b"] = new JsonArray(inner) });

        var result = Apply(format, patch);

        Assert.NotNull(result);
    }

    [Theory]
    [MemberData(nameof(FuzzedFormats))]
    public void Apply_ThrowsOnlyPatchExceptions_ForRandomDocuments(string format, int minimumRefusals)
    {
        var random = new Random(20240611);
        var outcomes = new Dictionary<string, int>();

        for (var i = 0; i < 3000; i++)
        {
            var original = RandomObject(random, 4);
            var patch = format == "json" ? RandomJsonPatch(random) : RandomValue(random, 5, preferObject: true);
            var before = $"{original.ToJsonString()} + {patch?.ToJsonString()}";
            var error = Record.Exception(() => ApplyTo(format, original, patch));

            Assert.True(error is null or PatchApplicationException or MalformedPatchException, $"case {i}: {before} threw {error}");
            Assert.Equal(before, $"{original.ToJsonString()} + {patch?.ToJsonString()}");
            outcomes[error?.GetType().Name ?? "applied"] = outcomes.GetValueOrDefault(error?.GetType().Name ?? "applied") + 1;
        }

        // The generator must reach both the success path and the refusal paths to be worth running.
        Assert.True(outcomes.GetValueOrDefault("applied") > 300, string.Join(", ", outcomes));
        Assert.True(outcomes.GetValueOrDefault(nameof(PatchApplicationException)) >= minimumRefusals, string.Join(", ", outcomes));
    }

    private static JsonNode? Apply(string format, JsonNode patch) => ApplyTo(format, new JsonObject { ["a"] = 1 }, format == "json"
        ? new JsonArray(new JsonObject { ["op"] = "add", ["path"] = "/a", ["value"] = patch })
        : patch);

    private static JsonNode? ApplyTo(string format, JsonObject original, JsonNode? patch) => format switch
    {
        "merge" => JsonMergePatch.Apply(original, patch),
        "json" => JsonPatch.Apply(original, patch),
        _ => StrategicMergePatch.Apply(original, patch, Schema),
    };

    private static JsonNode Nest(int depth, Func<JsonNode, JsonNode> wrap)
    {
        JsonNode node = JsonValue.Create(1);
        for (var i = 0; i < depth; i++)
        {
            node = wrap(node);
        }

        return node;
    }

    private static JsonObject RandomObject(Random random, int depth)
    {
        var map = new JsonObject();
        for (var i = random.Next(4); i > 0; i--)
        {
            map[Keys[random.Next(Keys.Length)]] = RandomValue(random, depth - 1, preferObject: false);
        }

        return map;
    }

    private static JsonNode? RandomValue(Random random, int depth, bool preferObject)
    {
        var choice = preferObject ? 0 : random.Next(depth > 0 ? 8 : 5);
        return choice switch
        {
            0 when depth > 0 => RandomObject(random, depth),
            0 => null,
            1 => null,
            2 => JsonValue.Create(random.Next(3)),
            3 => JsonValue.Create(Strings[random.Next(Strings.Length)]),
            4 => JsonValue.Create(random.Next(2) == 0),
            5 => RandomObject(random, depth),
            _ => new JsonArray(Enumerable.Range(0, random.Next(4))
                .Select(_ => RandomValue(random, depth - 1, preferObject: false))
                .ToArray()),
        };
    }

    private static JsonArray RandomJsonPatch(Random random)
    {
        var operations = new JsonArray();
        for (var i = random.Next(4); i > 0; i--)
        {
            var operation = new JsonObject
            {
                ["op"] = Operations[random.Next(Operations.Length)],
                ["path"] = Pointers[random.Next(Pointers.Length)],
            };
            if (random.Next(2) == 0)
            {
                operation["from"] = Pointers[random.Next(Pointers.Length)];
            }

            if (random.Next(3) > 0)
            {
                operation["value"] = RandomValue(random, 3, preferObject: false);
            }

            operations.Add(random.Next(20) == 0 ? RandomValue(random, 1, preferObject: false) : operation);
        }

        return operations;
    }
}
