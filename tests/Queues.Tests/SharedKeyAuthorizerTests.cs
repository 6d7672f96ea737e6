using System.Net.Http.Headers;
using System.Text;
using KubeBind.Queues.Rest;
using KubeBind.Testing;

namespace KubeBind.Queues.Tests;

public sealed class SharedKeyAuthorizerTests
{
    private const string Date = "Sat, 01 Mar 2025 12:00:00 GMT";

    private static readonly byte[] Key = Convert.FromBase64String(Azurite.AccountKey);

    // The examples of "Shared Key format for 2009-09-19 and later" in the Authorize with Shared Key documentation.
    public static TheoryData<string, string, string> DocumentedResources => new()
    {
        { "http://myaccount.blob.core.windows.net/mycontainer?restype=container&comp=metadata", "myaccount", "/myaccount/mycontainer\ncomp:metadata\nrestype:container" },
        {
            "http://myaccount.blob.core.windows.net/mycontainer?restype=container&comp=list&include=snapshots&include=metadata&include=uncommittedblobs",
            "myaccount",
            "/myaccount/mycontainer\ncomp:list\ninclude:metadata,snapshots,uncommittedblobs\nrestype:container"
        },
        { "http://127.0.0.1:10001/devstoreaccount1/jobs", "devstoreaccount1", "/devstoreaccount1/devstoreaccount1/jobs" },
        { "https://myaccount.queue.core.windows.net/jobs/messages/id?popreceipt=AgAAAA%2BAAAA%3D", "myaccount", "/myaccount/jobs/messages/id\npopreceipt:AgAAAA+AAAA=" },
    };

    [Theory]
    [MemberData(nameof(DocumentedResources))]
    public void CanonicalizedResource_MatchesDocumentedFormat(string url, string account, string expected)
    {
        var resource = SharedKeyAuthorizer.CanonicalizedResource(new Uri(url), account);

        Assert.Equal(expected, resource);
    }

    [Fact]
    public async Task AuthorizeAsync_SignsGet_AsAnIndependentHmacComputationDoes()
    {
        using var request = Request(HttpMethod.Get, "http://127.0.0.1:10001/devstoreaccount1/jobs/messages?numofmessages=2&visibilitytimeout=30");

        var stringToSign = SharedKeyAuthorizer.StringToSign(request, "devstoreaccount1");
        await new SharedKeyAuthorizer("devstoreaccount1", Key).AuthorizeAsync(request, CancellationToken.None);

        Assert.Equal(
            "GET" + new string('\n', 12) + $"x-ms-date:{Date}\nx-ms-version:2023-11-03\n/devstoreaccount1/devstoreaccount1/jobs/messages\nnumofmessages:2\nvisibilitytimeout:30",
            stringToSign);

        // Computed with python3: base64(hmac.new(key, string_to_sign, sha256)).
        Assert.Equal("SharedKey devstoreaccount1:0azKpPjfrPh37AvRYLmfn8eSXkcDOrRGb+Uk/pKmf/g=", request.Headers.GetValues("Authorization").Single());
    }

    [Fact]
    public async Task AuthorizeAsync_SignsContentLengthAndType_WhenRequestHasBody()
    {
        using var request = Request(HttpMethod.Post, "https://myaccount.queue.core.windows.net/jobs/messages?messagettl=-1");
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes("<QueueMessage><MessageText>aGk=</MessageText></QueueMessage>"));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");

        var stringToSign = SharedKeyAuthorizer.StringToSign(request, "myaccount");
        await new SharedKeyAuthorizer("myaccount", Key).AuthorizeAsync(request, CancellationToken.None);

        Assert.Equal($"POST\n\n\n60\n\napplication/xml\n\n\n\n\n\n\nx-ms-date:{Date}\nx-ms-version:2023-11-03\n/myaccount/jobs/messages\nmessagettl:-1", stringToSign);
        Assert.Equal("SharedKey myaccount:FzMJn76rDRmWIZJH9U2M+5h/kfTMW6HDXEP3KGfcsD8=", request.Headers.GetValues("Authorization").Single());
    }

    [Fact]
    public void CanonicalizedHeaders_SortsLowerCasedXmsHeadersAndTrimsValues()
    {
        using var request = Request(HttpMethod.Get, "http://127.0.0.1/a");
        request.Headers.TryAddWithoutValidation("X-MS-Client-Request-Id", "  abc ");
        request.Headers.TryAddWithoutValidation("Accept", "application/xml");

        var headers = SharedKeyAuthorizer.CanonicalizedHeaders(request);

        Assert.Equal($"x-ms-client-request-id:abc\nx-ms-date:{Date}\nx-ms-version:2023-11-03\n", headers);
    }

    private static HttpRequestMessage Request(HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.TryAddWithoutValidation("x-ms-version", "2023-11-03");
        request.Headers.TryAddWithoutValidation("x-ms-date", Date);
        return request;
    }
}
