using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KubeBind.DevApiServer.Api;

namespace KubeBind.DevApiServer.Resources.Strategies;

/// <summary>Validation shared by ConfigMaps and Secrets: key names and the <c>immutable</c> flag.</summary>
internal static partial class DataKeys
{
    public static IEnumerable<StatusCause> ValidateKeys(JsonObject obj, string field)
    {
        if (obj[field] is null)
        {
            yield break;
        }

        if (obj[field] is not JsonObject map)
        {
            yield return StatusCause.Invalid(field, obj[field]!.ToJsonString(), "must be an object");
            yield break;
        }

        foreach (var (key, value) in map)
        {
            if (key.Length > 253 || !KeyPattern().IsMatch(key))
            {
                yield return StatusCause.Invalid(
                    $"{field}[{key}]",
                    key,
                    "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')");
            }

            if (value is not JsonValue v || !v.TryGetValue<string>(out _))
            {
                yield return StatusCause.Invalid($"{field}[{key}]", value?.ToJsonString() ?? "null", "must be a string");
            }
        }
    }

    public static IEnumerable<StatusCause> ValidateImmutable(JsonObject obj, JsonObject? old, params string[] fields)
    {
        if (old is null || old["immutable"]?.GetValueKind() != System.Text.Json.JsonValueKind.True)
        {
            yield break;
        }

        if (obj["immutable"]?.GetValueKind() != System.Text.Json.JsonValueKind.True)
        {
            yield return StatusCause.Forbidden("immutable", "field is immutable when `immutable` is set");
        }

        foreach (var field in fields)
        {
            if (!Meta.DeepEquals(obj[field], old[field]))
            {
                yield return StatusCause.Forbidden(field, "field is immutable when `immutable` is set");
            }
        }
    }

    [GeneratedRegex("^[-._a-zA-Z0-9]+$")]
    private static partial Regex KeyPattern();
}
