using System.Globalization;
using System.Text.Json;
using KubeBind.Functions.Catalog;

namespace KubeBind.Functions.Hosting.CustomHandler;

/// <summary>
/// Reads the Functions host's invocation request (<c>{"Data": {...}, "Metadata": {...}}</c>) for a queue trigger.
/// The host serializes each value with Json.NET before putting it in the payload, so a string message arrives
/// JSON-encoded a second time (<c>"\"{...}\""</c>) and scalars such as <c>DequeueCount</c> may arrive as strings;
/// a message the queue extension parsed arrives as a JSON object. All of these forms are accepted.
/// </summary>
internal static class InvocationRequestReader
{
    /// <summary>The delivery the payload describes; throws <see cref="FormatException"/> with what is wrong.</summary>
    public static QueueInvocation ReadQueueInvocation(JsonElement root, FunctionDefinition function, QueueTrigger trigger)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"The invocation request must be a JSON object with \"Data\" and \"Metadata\", not {Describe(root.ValueKind)}.");
        }

        if (Property(root, "Data") is not { ValueKind: JsonValueKind.Object } data)
        {
            throw new FormatException("The invocation request has no \"Data\" object.");
        }

        if (Property(data, trigger.BindingName) is not { } message || message.ValueKind is JsonValueKind.Null)
        {
            throw new FormatException($"The invocation request's \"Data\" has no \"{trigger.BindingName}\" entry, the queue message of function '{function.Name}'.");
        }

        var metadata = Property(root, "Metadata") is { ValueKind: JsonValueKind.Object } m ? m : default;
        return new QueueInvocation
        {
            FunctionName = function.Name,
            QueueName = trigger.QueueName,
            MessageText = message.ValueKind == JsonValueKind.String ? Unquote(message.GetString()!) : message.GetRawText(),
            DequeueCount = Scalar(metadata, "DequeueCount") is { } count
                ? long.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                    ? n
                    : throw new FormatException($"Metadata.DequeueCount '{count}' is not a positive integer.")
                : 1,
            MessageId = Scalar(metadata, "Id"),
            InsertedAt = Scalar(metadata, "InsertionTime") is { } inserted
                ? DateTimeOffset.TryParse(inserted, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                    ? at
                    : throw new FormatException($"Metadata.InsertionTime '{inserted}' is not a time.")
                : null,
        };
    }

    /// <summary>Undoes the host's second JSON encoding of a string, when the text is one JSON string literal.</summary>
    internal static string Unquote(string text)
    {
        if (text.Length < 2 || text[0] != '"' || text[^1] != '"')
        {
            return text;
        }

        try
        {
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text));
            return reader.Read() && reader.TokenType == JsonTokenType.String && reader.GetString() is { } inner && !reader.Read() ? inner : text;
        }
        catch (JsonException)
        {
            return text;
        }
    }

    private static string? Scalar(JsonElement parent, string name) =>
        Property(parent, name) switch
        {
            { ValueKind: JsonValueKind.String } value => Unquote(value.GetString()!),
            { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
            _ => null,
        };

    // The host's keys are PascalCase, but its docs and samples vary; match them ignoring case.
    private static JsonElement? Property(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in parent.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
