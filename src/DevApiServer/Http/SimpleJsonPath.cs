using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Api;

namespace KubeBind.DevApiServer.Http;

/// <summary>
/// The subset of Kubernetes JSONPath that printer columns use: <c>.a.b</c>, <c>.a[0]</c> and
/// <c>.a[?(@.type=="Ready")].status</c>. Anything else yields no value rather than an error.
/// </summary>
internal static class SimpleJsonPath
{
    public static JsonNode? Evaluate(JsonNode? root, string path)
    {
        var current = root;
        var p = path.Trim().TrimStart('{').TrimEnd('}').Trim();
        var i = 0;
        while (i < p.Length && current is not null)
        {
            if (p[i] == '.')
            {
                i++;
                var start = i;
                while (i < p.Length && p[i] is not ('.' or '['))
                {
                    i++;
                }

                current = (current as JsonObject)?[p[start..i]];
            }
            else if (p[i] == '[')
            {
                var end = p.IndexOf(']', i);
                if (end < 0)
                {
                    return null;
                }

                var inner = p[(i + 1)..end];
                i = end + 1;
                current = Index(current, inner);
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    private static JsonNode? Index(JsonNode node, string inner)
    {
        if (node is not JsonArray array)
        {
            return null;
        }

        if (int.TryParse(inner, out var index))
        {
            return index >= 0 && index < array.Count ? array[index] : null;
        }

        // [?(@.field=="value")]
        if (inner.StartsWith("?(@.", StringComparison.Ordinal) && inner.EndsWith(')'))
        {
            var condition = inner[4..^1];
            var eq = condition.IndexOf("==", StringComparison.Ordinal);
            if (eq < 0)
            {
                return null;
            }

            var field = condition[..eq].Trim();
            var value = condition[(eq + 2)..].Trim().Trim('"', '\'');
            return array.OfType<JsonObject>().FirstOrDefault(o => o.GetString(field) == value);
        }

        return null;
    }
}
