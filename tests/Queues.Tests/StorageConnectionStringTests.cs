using KubeBind.Testing;

namespace KubeBind.Queues.Tests;

public sealed class StorageConnectionStringTests
{
    private const string Key = Azurite.AccountKey;

    public static TheoryData<string, string, string> Valid => new()
    {
        { "UseDevelopmentStorage=true", "devstoreaccount1", "http://127.0.0.1:10001/devstoreaccount1" },
        { $"DefaultEndpointsProtocol=https;AccountName=acme;AccountKey={Key};EndpointSuffix=core.windows.net", "acme", "https://acme.queue.core.windows.net/" },
        { $"AccountName=acme;AccountKey={Key}", "acme", "https://acme.queue.core.windows.net/" },
        { $"DefaultEndpointsProtocol=http;AccountName=acme;AccountKey={Key};EndpointSuffix=core.chinacloudapi.cn;", "acme", "http://acme.queue.core.chinacloudapi.cn/" },
        { $"AccountName=devstoreaccount1;AccountKey={Key};QueueEndpoint=http://127.0.0.1:12345/devstoreaccount1;BlobEndpoint=http://127.0.0.1:1/x", "devstoreaccount1", "http://127.0.0.1:12345/devstoreaccount1" },
        { $" accountname = acme ; ACCOUNTKEY={Key} ;; ", "acme", "https://acme.queue.core.windows.net/" },
    };

    // Each case: the connection string, and a fragment the error must contain.
    public static TheoryData<string, string> Invalid => new()
    {
        { string.Empty, "it is empty" },
        { "UseDevelopmentStorage=false", "UseDevelopmentStorage must be 'true'" },
        { $"UseDevelopmentStorage=true;AccountKey={Key}", "cannot be combined with AccountKey" },
        { $"AccountKey={Key}", "AccountName is missing" },
        { "AccountName=acme", "AccountKey is missing" },
        { "AccountName=acme;AccountKey=not*base64!", "AccountKey is not valid base64" },
        { $"AccountName=acme;AccountKey={Key};AccountName=other", "AccountName appears more than once" },
        { $"AccountName=acme;{Key}", "part 2 is not of the form Name=Value" },
        { $"AccountName=acme;AccountKey={Key};QueueEndpoint=ftp://host/x", "QueueEndpoint 'ftp://host/x' is not an absolute http or https URL" },
        { $"AccountName=acme;AccountKey={Key};DefaultEndpointsProtocol=tcp", "DefaultEndpointsProtocol must be http or https" },
        { "AccountName=acme;SharedAccessSignature=sv=2020&sig=abc", "SharedAccessSignature is not supported" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parse_ReadsAccountAndEndpoint(string connectionString, string account, string endpoint)
    {
        var parsed = StorageConnectionString.Parse(connectionString);

        Assert.Equal(account, parsed.AccountName);
        Assert.Equal(new Uri(endpoint), parsed.QueueEndpoint);
        Assert.Equal(Convert.FromBase64String(Key), parsed.AccountKey);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Parse_NamesTheBadPart_WithoutEchoingTheKey(string connectionString, string expected)
    {
        var error = Assert.Throws<FormatException>(() => StorageConnectionString.Parse(connectionString));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("invalid Storage connection string: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not*base64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_HidesTheKey()
    {
        var parsed = StorageConnectionString.Parse($"AccountName=acme;AccountKey={Key}");

        var text = parsed.ToString();

        Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
        Assert.Contains("AccountKey=***", text, StringComparison.Ordinal);
    }
}
