using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace KubeBind.Queues.Rest;

/// <summary>The XML bodies of the message operations, and the message text encoding.</summary>
internal static class QueueXml
{
    public static string MessageBody(string text, QueueMessageEncoding encoding) =>
        new XElement("QueueMessage", new XElement("MessageText", Encode(text, encoding))).ToString(SaveOptions.DisableFormatting);

    public static string Encode(string text, QueueMessageEncoding encoding) =>
        encoding == QueueMessageEncoding.Base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) : text;

    /// <summary>The decoded text, or null when <paramref name="wire"/> is not valid for the encoding.</summary>
    public static string? Decode(string wire, QueueMessageEncoding encoding)
    {
        if (encoding == QueueMessageEncoding.None)
        {
            return wire;
        }

        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(wire));
        }
        catch (FormatException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null; // valid base64 but not UTF-8
        }
    }

    /// <summary>The <c>QueueMessage</c> elements of a <c>QueueMessagesList</c>.</summary>
    public static IEnumerable<XElement> Messages(string body) =>
        string.IsNullOrWhiteSpace(body) ? [] : XDocument.Parse(body).Root?.Elements("QueueMessage") ?? [];

    public static string Text(XElement message, string name) =>
        message.Element(name)?.Value ?? throw new FormatException($"the queue service's answer has no {name}");

    public static DateTimeOffset Time(XElement message, string name) => ParseTime(Text(message, name));

    public static DateTimeOffset ParseTime(string rfc1123) =>
        DateTimeOffset.ParseExact(rfc1123, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static long Count(XElement message, string name) => long.Parse(Text(message, name), CultureInfo.InvariantCulture);
}
