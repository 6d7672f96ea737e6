using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KubeBind.Api;

/// <summary>
/// YAML documents as JSON nodes, typed by the YAML 1.2 core schema: only plain (unquoted) scalars become null,
/// booleans or numbers; quoted ones and <c>!!str</c> stay strings, and so do YAML 1.1's <c>yes</c>/<c>on</c>
/// (which kubectl's decoder would turn into booleans; manifests that mean a boolean say <c>true</c>).
/// </summary>
internal static partial class YamlJson
{
    private const string StringTag = "tag:yaml.org,2002:str";

    /// <summary>Every document of <paramref name="yaml"/>, in order (an empty document is null).</summary>
    public static IReadOnlyList<JsonNode?> Documents(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return [.. stream.Documents.Select(d => Convert(d.RootNode))];
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => Mapping(map),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new YamlException(node.Start, node.End, $"unsupported YAML node {node.NodeType}"),
    };

    private static JsonObject Mapping(YamlMappingNode map)
    {
        var json = new JsonObject();
        foreach (var (key, value) in map.Children)
        {
            var name = key is YamlScalarNode { Value: { } text } ? text : throw new YamlException(key.Start, key.End, "mapping keys must be scalars");
            if (!json.TryAdd(name, Convert(value)))
            {
                throw new YamlException(key.Start, key.End, $"duplicate key '{name}'");
            }
        }

        return json;
    }

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style is not ScalarStyle.Plain || (scalar.Tag.IsGlobal && scalar.Tag.Value == StringTag))
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when Integer().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
            _ when Hex().IsMatch(text) => JsonValue.Create(long.Parse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)),
            _ when Octal().IsMatch(text) => JsonValue.Create(System.Convert.ToInt64(text[2..], 8)),
            _ when Integer().IsMatch(text) || Float().IsMatch(text) => JsonValue.Create(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)),
            _ when NotANumber().IsMatch(text) => throw new YamlException(scalar.Start, scalar.End, $"'{text}' has no JSON representation"),
            _ => JsonValue.Create(text),
        };
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    // Both bounded to what fits a positive long; longer literals stay strings rather than wrap around.
    [GeneratedRegex(@"^0x[0-9a-fA-F]{1,15}$")]
    private static partial Regex Hex();

    [GeneratedRegex(@"^0o[0-7]{1,21}$")]
    private static partial Regex Octal();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();

    [GeneratedRegex(@"^([-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex NotANumber();
}
