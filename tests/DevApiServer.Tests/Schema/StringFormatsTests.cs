namespace KubeBind.DevApiServer.Tests.Schema;

public sealed class StringFormatsTests
{
    public static TheoryData<string, string, bool> FormatCases => new()
    {
        { "byte", "aGVsbG8=", true },
        { "byte", "aGVsbG8", false },
        { "byte", "", false },
        { "date", "2024-02-29", true },
        { "date", "2023-02-29", false },
        { "date", "2024-2-01", false },
        { "date-time", "2024-01-02T03:04:05Z", true },
        { "date-time", "2024-01-02T03:04:05.123+02:00", true },
        { "date-time", "2024-01-02t03:04:05z", true },
        { "date-time", "2024-01-02T03:04Z", false },
        { "date-time", "2024-01-02 03:04:05Z", false },
        { "date-time", "2024-01-02T24:00:00Z", false },
        { "datetime", "2024-01-02T03:04:05Z", true },
        { "duration", "1h30m", true },
        { "duration", "1.5s", true },
        { "duration", "-5m", true },
        { "duration", "3 days", true },
        { "duration", "2w", true },
        { "duration", "5 parsecs", false },
        { "duration", "abc", false },
        { "duration", "", false },
        { "uuid", "123e4567-e89b-12d3-a456-426614174000", true },
        { "uuid", "123E4567E89B12D3A456426614174000", true },
        { "uuid", "123e4567-e89b-12d3-a456", false },
        { "uuid4", "123e4567-e89b-42d3-a456-426614174000", true },
        { "uuid4", "123e4567-e89b-12d3-a456-426614174000", false },
        { "email", "jane@example.com", true },
        { "email", "Jane Doe <jane@example.com>", true },
        { "email", "jane.example.com", false },
        { "email", "jane@", false },
        { "hostname", "example.com", true },
        { "hostname", "localhost", true },
        { "hostname", "my-host.example", true },
        { "hostname", "-bad.example.com", false },
        { "hostname", "under_score.com", false },
        { "ipv4", "192.168.0.1", true },
        { "ipv4", "010.001.0.1", true },
        { "ipv4", "256.1.1.1", false },
        { "ipv4", "1.2.3", false },
        { "ipv4", "::1", false },
        { "ipv6", "::1", true },
        { "ipv6", "2001:db8::8a2e:370:7334", true },
        { "ipv6", "fe80::1%eth0", false },
        { "ipv6", "1.2.3.4", false },
        { "cidr", "10.0.0.0/8", true },
        { "cidr", "2001:db8::/32", true },
        { "cidr", "10.0.0.0/33", false },
        { "cidr", "10.0.0.0", false },
        { "mac", "00:00:5e:00:53:01", true },
        { "mac", "00-00-5E-00-53-01", true },
        { "mac", "0000.5e00.5301", true },
        { "mac", "00:00:5e:00:53", false },
        { "uri", "https://example.com/path?q=1", true },
        { "uri", "/absolute/path", true },
        { "uri", "mailto:jane@example.com", true },
        { "uri", "relative/path", false },
        { "uri", "http://exa mple.com/", false },
        { "uri", "", false },
        { "bsonobjectid", "507f1f77bcf86cd799439011", true },
        { "bsonobjectid", "507f1f77bcf86cd79943901", false },
        { "hexcolor", "#ff0000", true },
        { "hexcolor", "#ff00", false },
        { "rgbcolor", "rgb(255, 0, 10)", true },
        { "rgbcolor", "rgb(256,0,0)", false },
        { "ssn", "123-45-6789", true },
        { "ssn", "123456789", false },
        { "isbn10", "0-306-40615-2", true },
        { "isbn13", "978-0-306-40615-7", true },
        { "isbn13", "978-0-306-40615-8", false },
        { "creditcard", "4111 1111 1111 1111", true },
        { "creditcard", "4111 1111 1111 1112", false },
        { "password", "anything at all", true },
        { "int32", "not a number", true },
        { "int64", "not a number", true },
        { "float", "not a number", true },
        { "double", "not a number", true },
        { "no-such-format", "whatever", true },
    };

    [Theory]
    [MemberData(nameof(FormatCases))]
    public void Process_ChecksStringFormat_WhenFormatIsSupported(string format, string value, bool valid)
    {
        var specSchema = """{"type":"object","properties":{"v":{"type":"string","format":""" + new System.Text.Json.Nodes.JsonArray(format)[0]!.ToJsonString() + "}}}";
        var spec = new System.Text.Json.Nodes.JsonObject { ["v"] = value }.ToJsonString();

        var errors = SchemaTestData.Errors(specSchema, spec);

        if (valid)
        {
            Assert.Empty(errors);
        }
        else
        {
            var expected = $"spec.v: Invalid value: {KubeBind.DevApiServer.Json.GoText.Quote(value)}: spec.v in body must be of type {format}: {KubeBind.DevApiServer.Json.GoText.Quote(value)}";
            Assert.Equal([expected], errors);
        }
    }
}
