using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Apply;

namespace KubeBind.DevApiServer.Tests.Apply;

public class FieldManagerRobustnessTests
{
    private static readonly string[] Keys = ["a", "b", "name", "ports", "tags", "args", "spec", "status", "metadata", "managedFields", "labels", "x.y"];

    public static TheoryData<string> BadConfigurations => new()
    {
        """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"demo","managedFields":[]}}""",
        """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"namespace":"default"}}""",
        """{"apiVersion":"v1","metadata":{"name":"demo"}}""",
        """{"apiVersion":"v2","kind":"ConfigMap","metadata":{"name":"demo"}}""",
        """{"apiVersion":"v1","kind":"ConfigMap","metadata":"demo"}""",
        """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"demo"},"spec":{"items":[{"name":"a"},{"name":"a"}]}}""",
        """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"demo"},"spec":{"items":[{"value":"no key"}]}}""",
        """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"demo","finalizers":["a","a"]}}""",
    };

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 60)];

    [Theory]
    [MemberData(nameof(BadConfigurations))]
    public void Apply_ThrowsRequestException_WhenConfigurationIsMalformed(string configuration)
    {
        var schema = ApplySchema.Deduced.WithAssociativeList("spec.items", "name");
        var config = Fixtures.Parse(configuration);

        Assert.Throws<ApplyRequestException>(() => FieldManager.Apply(null, config, "alpha", force: false, schema, Fixtures.Context()));
    }

    [Fact]
    public void Apply_ThrowsRequestException_WhenConfigurationNestsTooDeeply()
    {
        var config = Fixtures.ConfigMap();
        JsonObject current = config;
        for (var i = 0; i < 150; i++)
        {
            var next = new JsonObject();
            current["nested"] = next;
            current = next;
        }

        Assert.Throws<ApplyRequestException>(() => FieldManager.Apply(null, config, "alpha", force: false, ApplySchema.Deduced, Fixtures.Context()));
    }

    [Fact]
    public void Update_ThrowsRequestException_WhenObjectNestsTooDeeply()
    {
        var updated = Fixtures.ConfigMap();
        JsonArray current = [];
        updated["data"] = current;
        for (var i = 0; i < 150; i++)
        {
            JsonArray next = [];
            current.Add(next);
            current = next;
        }

        Assert.Throws<ApplyRequestException>(() => FieldManager.Update(null, updated, "alpha", ApplySchema.Deduced, Fixtures.Context()));
    }

    [Fact]
    public void Apply_ResetsManagedFields_WhenStoredOnesAreGarbage()
    {
        var live = Fixtures.Load("configmap-apply.json");
        live["metadata"]!["managedFields"] = JsonNode.Parse("""[{"manager":"x","operation":"Bogus"}]""");

        var result = FieldManager.Apply(live, Fixtures.Load("configmap-apply.json"), "kubectl", force: false, ApplySchema.Deduced, Fixtures.Context());

        Assert.NotNull(Fixtures.Entry(result, "before-first-apply", "Update"));
        Assert.NotNull(Fixtures.Entry(result, "kubectl"));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ApplyAndUpdate_ThrowOnlyTheirOwnExceptions_WhenInputIsRandom(int seed)
    {
        var random = new Random(seed);
        ApplySchema[] schemas =
        [
            ApplySchema.Deduced,
            Fixtures.WidgetSchema,
            ApplySchema.Deduced.WithAssociativeList("spec.ports", "name").WithSetList("spec.tags").WithAtomic("spec.a"),
        ];
        var schema = schemas[random.Next(schemas.Length)];
        JsonObject? live = random.Next(4) == 0 ? null : RandomObject(random);

        for (var step = 0; step < 8; step++)
        {
            var context = Fixtures.Context(step, random.Next(3) == 0 ? "v2" : "v1", random.Next(4) == 0 ? "status" : null, random.Next(2) == 0 ? ["status"] : []);
            try
            {
                live = random.Next(2) == 0
                    ? FieldManager.Apply(live, RandomObject(random), "m" + random.Next(3), random.Next(2) == 0, schema, context)
                    : FieldManager.Update(live, RandomObject(random), "m" + random.Next(3), schema, context);
            }
            catch (ApplyConflictException e)
            {
                Assert.NotEmpty(e.Conflicts);
                continue;
            }
            catch (ApplyRequestException)
            {
                continue;
            }

            // Whatever was written must read back: no empty entries, every fieldsV1 decodable.
            foreach (var entry in Fixtures.ManagedFields(live!))
            {
                Assert.False(FieldSet.FromFieldsV1((JsonObject)entry!["fieldsV1"]!).IsEmpty);
            }
        }
    }

    [Fact]
    public void Apply_SucceedsRepeatedly_WhenObjectIsJustWithinDepthLimit()
    {
        var config = Fixtures.ConfigMap();
        JsonObject current = config;
        for (var i = 0; i < 97; i++)
        {
            var next = new JsonObject();
            current["nested"] = next;
            current = next;
        }

        current["leaf"] = "v1";
        var live = FieldManager.Apply(null, config, "alpha", force: false, ApplySchema.Deduced, Fixtures.Context());
        current["leaf"] = "v2";

        var result = FieldManager.Apply(live, config, "beta", force: true, ApplySchema.Deduced, Fixtures.Context(minutes: 1));

        Assert.Single(Fixtures.ManagedFields(result));
        Assert.Null(Fixtures.Entry(result, "alpha"));
    }

    private static JsonObject RandomObject(Random random)
    {
        var result = new JsonObject
        {
            ["apiVersion"] = random.Next(6) == 0 ? "v2" : "v1",
            ["kind"] = "Thing",
            ["metadata"] = random.Next(8) == 0 ? RandomValue(random, 2) : new JsonObject { ["name"] = "t" },
        };
        if (random.Next(3) == 0 && result["metadata"] is JsonObject metadata)
        {
            metadata["managedFields"] = random.Next(2) == 0 ? JsonNode.Parse("""[{}]""") : RandomValue(random, 3);
        }

        result["spec"] = RandomValue(random, 4);
        if (random.Next(2) == 0)
        {
            result["status"] = RandomValue(random, 2);
        }

        return result;
    }

    private static JsonNode? RandomValue(Random random, int depth)
    {
        switch (depth <= 0 ? random.Next(5) : random.Next(8))
        {
            case 0: return null;
            case 1: return random.Next(3);
            case 2: return random.Next(2) == 0 ? "s" + random.Next(3) : random.NextDouble() > 0.5;
            case 3: return 1.5 * random.Next(3);
            case 4: return "v";
            case 5:
            case 6:
                var map = new JsonObject();
                for (var i = random.Next(4); i > 0; i--)
                {
                    map[Keys[random.Next(Keys.Length)]] = RandomValue(random, depth - 1);
                }

                return map;
            default:
                var list = new JsonArray();
                for (var i = random.Next(4); i > 0; i--)
                {
                    list.Add(random.Next(3) == 0 ? new JsonObject { ["name"] = "n" + random.Next(2), ["port"] = random.Next(2) } : RandomValue(random, depth - 1));
                }

                return list;
        }
    }
}
