using System.Text.Json;
using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Api;
using KubeBind.DevApiServer.Protobuf;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KubeBind.DevApiServer.Http;

/// <summary>Reads a request body with a size cap and decodes JSON or YAML into JSON nodes.</summary>
internal static class BodyReader
{
    public static async Task<byte[]> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            throw ApiException.TooLarge();
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw ApiException.TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Decodes a body as JSON, or as YAML when the media type says so or it does not start like JSON.</summary>
    public static JsonNode? Decode(byte[] body, string? contentType)
    {
        if (contentType is not null && contentType.StartsWith(KubernetesProtobuf.MediaType, StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return KubernetesProtobuf.Decode(body);
            }
            catch (ProtobufFormatException e)
            {
                throw ApiException.BadRequest($"the body of the request could not be decoded as protobuf: {e.Message}");
            }
            catch (UnsupportedProtobufKindException e)
            {
                throw new ApiException(System.Net.HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType", e.Message);
            }
        }

        var text = body.AsSpan();
        var trimmed = TrimStart(text);
        var isYaml = contentType is not null && contentType.Contains("yaml", StringComparison.OrdinalIgnoreCase);
        if (trimmed.Length == 0)
        {
            throw ApiException.BadRequest("the request body is empty");
        }

        if (!isYaml || trimmed[0] is (byte)'{' or (byte)'[')
        {
            try
            {
                var node = JsonNode.Parse(body, JsonDefaults.Node, JsonDefaults.Document);
                Materialize(node); // JsonObject builds lazily; duplicate keys would otherwise surface much later
                return node;
            }
            catch (ArgumentException e) when (!isYaml)
            {
                throw ApiException.BadRequest($"the body of the request could not be decoded as JSON: {e.Message}");
            }
            catch (JsonException e) when (!isYaml)
            {
                throw ApiException.BadRequest($"the body of the request could not be decoded as JSON: {e.Message}");
            }
            catch (JsonException)
            {
                // YAML that merely starts with a flow collection: fall through to the YAML parser.
            }
        }

        return FromYaml(System.Text.Encoding.UTF8.GetString(body));
    }

    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    Materialize(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Materialize(item);
                }

                break;
        }
    }

    public static JsonObject DecodeObject(byte[] body, string? contentType) =>
        Decode(body, contentType) as JsonObject ?? throw ApiException.BadRequest("the request body must be a JSON object");

    private static ReadOnlySpan<byte> TrimStart(ReadOnlySpan<byte> text)
    {
        var i = 0;
        while (i < text.Length && (text[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' || (i == 0 && text.Length >= 3 && text[0] == 0xEF && text[1] == 0xBB && text[2] == 0xBF)))
        {
            i += text[i] == 0xEF ? 3 : 1;
        }

        return text[i..];
    }

    private static JsonNode? FromYaml(string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count != 1)
            {
                throw ApiException.BadRequest("the request body must hold exactly one YAML document");
            }

            // Aliases are shared nodes, so expanding them can explode ("billion laughs"); a document may not
            // produce more nodes than its text has characters.
            var budget = text.Length + 16;
            return Convert(stream.Documents[0].RootNode, 0, ref budget);
        }
        catch (YamlException e)
        {
            throw ApiException.BadRequest($"the body of the request could not be decoded as YAML: {e.Message}");
        }
    }

    private static JsonNode? Convert(YamlNode node, int depth, ref int budget)
    {
        if (depth > 100)
        {
            throw ApiException.BadRequest("the request body is nested too deeply");
        }

        if (--budget < 0)
        {
            throw ApiException.BadRequest("the YAML document expands to too many nodes (aliases)");
        }

        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (key, value) in map.Children)
                {
                    if (key is not YamlScalarNode scalarKey || scalarKey.Value is null)
                    {
                        throw ApiException.BadRequest("YAML mapping keys must be strings");
                    }

                    obj[scalarKey.Value] = Convert(value, depth + 1, ref budget);
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Children)
                {
                    array.Add(Convert(item, depth + 1, ref budget));
                }

                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                throw ApiException.BadRequest("unsupported YAML node");
        }
    }

    /// <summary>Plain scalars resolve like YAML 1.2's core schema (what sigs.k8s.io/yaml effectively does); quoted ones are strings.</summary>
    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (long.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (value.Length > 0 && (char.IsDigit(value[0]) || value[0] is '-' or '+' or '.')
            && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var real)
            && double.IsFinite(real))
        {
            return JsonValue.Create(real);
        }

        return JsonValue.Create(value);
    }
}
