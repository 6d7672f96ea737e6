using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Api;
using KubeBind.DevApiServer.Validation;

namespace KubeBind.DevApiServer.Selection;

/// <summary>
/// A parsed label selector in the string syntax of <c>?labelSelector=</c>: <c>a=b</c>, <c>a==b</c>, <c>a!=b</c>,
/// <c>a in (x,y)</c>, <c>a notin (x)</c>, <c>a</c>, <c>!a</c>, joined by commas (all must hold).
/// </summary>
internal sealed class LabelSelector
{
    private readonly IReadOnlyList<Requirement> _requirements;

    private LabelSelector(IReadOnlyList<Requirement> requirements) => _requirements = requirements;

    public static LabelSelector Everything { get; } = new([]);

    public bool IsEmpty => _requirements.Count == 0;

    public bool Matches(IReadOnlyDictionary<string, string> labels) => _requirements.All(r => r.Matches(labels));

    /// <summary>Parses the query syntax; throws BadRequest with kube-apiserver's wording on bad input.</summary>
    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var requirements = new List<Requirement>();
        var i = 0;
        while (i < text.Length)
        {
            SkipSpaces(text, ref i);
            var negated = false;
            if (i < text.Length && text[i] == '!')
            {
                negated = true;
                i++;
                SkipSpaces(text, ref i);
            }

            var key = ReadKey(text, ref i);
            if (key.Length == 0)
            {
                throw Error(text, "found '" + (i < text.Length ? text[i].ToString() : "") + "', expected: identifier");
            }

            ValidateKey(text, key);
            SkipSpaces(text, ref i);
            if (negated)
            {
                requirements.Add(new Requirement(key, Operator.DoesNotExist, []));
            }
            else if (i >= text.Length || text[i] == ',')
            {
                requirements.Add(new Requirement(key, Operator.Exists, []));
            }
            else if (text[i] == '=' || text[i] == '!')
            {
                var op = Operator.Equals;
                if (text[i] == '!')
                {
                    if (i + 1 >= text.Length || text[i + 1] != '=')
                    {
                        throw Error(text, "expected '=' after '!'");
                    }

                    op = Operator.NotEquals;
                    i += 2;
                }
                else
                {
                    i += i + 1 < text.Length && text[i + 1] == '=' ? 2 : 1;
                }

                SkipSpaces(text, ref i);
                var value = ReadValue(text, ref i);
                ValidateValue(text, value);
                requirements.Add(new Requirement(key, op, [value]));
            }
            else
            {
                var word = ReadKey(text, ref i);
                var op = word switch
                {
                    "in" => Operator.In,
                    "notin" => Operator.NotIn,
                    _ => throw Error(text, $"found '{word}', expected: in, notin, =, ==, !=, gt, lt"),
                };
                SkipSpaces(text, ref i);
                if (i >= text.Length || text[i] != '(')
                {
                    throw Error(text, "found '" + (i < text.Length ? text[i].ToString() : "") + "', expected: '('");
                }

                i++;
                var values = new List<string>();
                while (true)
                {
                    SkipSpaces(text, ref i);
                    var value = ReadValue(text, ref i);
                    ValidateValue(text, value);
                    values.Add(value);
                    SkipSpaces(text, ref i);
                    if (i < text.Length && text[i] == ',')
                    {
                        i++;
                        continue;
                    }

                    if (i < text.Length && text[i] == ')')
                    {
                        i++;
                        break;
                    }

                    throw Error(text, "found '" + (i < text.Length ? text[i].ToString() : "") + "', expected: ',' or ')'");
                }

                requirements.Add(new Requirement(key, op, values));
            }

            SkipSpaces(text, ref i);
            if (i < text.Length)
            {
                if (text[i] != ',')
                {
                    throw Error(text, $"found '{text[i]}', expected: ',' or 'end of string'");
                }

                i++;
            }
        }

        return new LabelSelector(requirements);
    }

    /// <summary>Parses a meta/v1 LabelSelector object (<c>matchLabels</c>, <c>matchExpressions</c>), as used by aggregation rules.</summary>
    public static LabelSelector FromJson(JsonObject selector)
    {
        var requirements = new List<Requirement>();
        foreach (var (key, value) in Meta.StringMap(selector["matchLabels"]))
        {
            requirements.Add(new Requirement(key, Operator.Equals, [value]));
        }

        foreach (var expression in (selector["matchExpressions"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            var op = expression.GetString("operator") switch
            {
                "In" => Operator.In,
                "NotIn" => Operator.NotIn,
                "Exists" => Operator.Exists,
                "DoesNotExist" => Operator.DoesNotExist,
                var other => throw ApiException.BadRequest($"\"{other}\" is not a valid label selector operator"),
            };
            requirements.Add(new Requirement(expression.GetString("key") ?? string.Empty, op, Meta.StringList(expression["values"])));
        }

        return new LabelSelector(requirements);
    }

    private static void ValidateKey(string text, string key)
    {
        var errors = Names.QualifiedNameErrors(key).ToList();
        if (errors.Count > 0)
        {
            throw Error(text, $"key: Invalid value: \"{key}\": {errors[0]}");
        }
    }

    private static void ValidateValue(string text, string value)
    {
        var errors = Names.LabelValueErrors(value).ToList();
        if (errors.Count > 0)
        {
            throw Error(text, $"values[0]: Invalid value: \"{value}\": {errors[0]}");
        }
    }

    private static ApiException Error(string text, string detail) =>
        ApiException.BadRequest($"unable to parse requirement: {detail} (selector \"{text}\")");

    private static void SkipSpaces(string text, ref int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
    }

    private static string ReadKey(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '-' or '_' or '.' or '/'))
        {
            i++;
        }

        return text[start..i];
    }

    private static string ReadValue(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '-' or '_' or '.'))
        {
            i++;
        }

        return text[start..i];
    }

    private enum Operator
    {
        Equals,
        NotEquals,
        In,
        NotIn,
        Exists,
        DoesNotExist,
    }

    private sealed record Requirement(string Key, Operator Op, IReadOnlyList<string> Values)
    {
        public bool Matches(IReadOnlyDictionary<string, string> labels)
        {
            var has = labels.TryGetValue(Key, out var value);
            return Op switch
            {
                Operator.Equals or Operator.In => has && Values.Contains(value!),
                Operator.NotEquals or Operator.NotIn => !has || !Values.Contains(value!),
                Operator.Exists => has,
                Operator.DoesNotExist => !has,
                _ => false,
            };
        }
    }
}
