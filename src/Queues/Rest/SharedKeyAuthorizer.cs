using System.Security.Cryptography;
using System.Text;

namespace KubeBind.Queues.Rest;

/// <summary>
/// Shared Key authorization for the Blob and Queue services (version 2009-09-19 and later): an HMAC-SHA256 with the
/// account key over the verb, the standard headers, the canonicalized <c>x-ms-</c> headers and the canonicalized
/// resource. The request must carry <c>x-ms-date</c>, so the Date line stays empty.
/// </summary>
internal sealed class SharedKeyAuthorizer : IRequestAuthorizer
{
    private readonly string _accountName;
    private readonly byte[] _key;

    public SharedKeyAuthorizer(string accountName, byte[] key)
    {
        _accountName = accountName;
        _key = key;
    }

    public ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var signature = Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(StringToSign(request, _accountName))));
        request.Headers.TryAddWithoutValidation("Authorization", $"SharedKey {_accountName}:{signature}");
        return ValueTask.CompletedTask;
    }

    public static string StringToSign(HttpRequestMessage request, string accountName)
    {
        var content = request.Content?.Headers;
        var length = content?.ContentLength is > 0 and var n ? n.ToString() : string.Empty; // 0 signs as empty since 2015-02-21
        var lines = new[]
        {
            request.Method.Method,
            Join(content?.ContentEncoding),
            Join(content?.ContentLanguage),
            length,
            content?.ContentMD5 is { } md5 ? Convert.ToBase64String(md5) : string.Empty,
            content?.ContentType?.ToString() ?? string.Empty,
            string.Empty, // Date: x-ms-date is used instead
            Header(request, "If-Modified-Since"),
            Header(request, "If-Match"),
            Header(request, "If-None-Match"),
            Header(request, "If-Unmodified-Since"),
            Header(request, "Range"),
        };
        return string.Join('\n', lines) + '\n' + CanonicalizedHeaders(request) + CanonicalizedResource(request.RequestUri!, accountName);
    }

    /// <summary>Every <c>x-ms-</c> header, lower-cased and sorted, as <c>name:value\n</c>.</summary>
    public static string CanonicalizedHeaders(HttpRequestMessage request)
    {
        var builder = new StringBuilder();
        foreach (var (name, values) in request.Headers
            .Where(h => h.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            .Select(h => (Name: h.Key.ToLowerInvariant(), Values: h.Value))
            .OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            builder.Append(name).Append(':').Append(string.Join(',', values.Select(v => v.Trim()))).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>
    /// <c>/account/path</c>, then each query parameter as <c>\nname:value</c> (names lower-cased and sorted, values
    /// decoded, repeated names joined with commas in sorted order). Path-style URLs (the emulator's) keep the account
    /// segment of the path, so the account appears twice.
    /// </summary>
    public static string CanonicalizedResource(Uri uri, string accountName)
    {
        var builder = new StringBuilder("/").Append(accountName).Append(uri.AbsolutePath);
        var parameters = uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => (Name: Uri.UnescapeDataString(pair[0]).ToLowerInvariant(), Value: pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : string.Empty))
            .GroupBy(p => p.Name)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            builder.Append('\n').Append(parameter.Key).Append(':')
                .Append(string.Join(',', parameter.Select(p => p.Value).Order(StringComparer.Ordinal)));
        }

        return builder.ToString();
    }

    private static string Join(ICollection<string>? values) => values is null ? string.Empty : string.Join(',', values);

    private static string Header(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? string.Join(',', values) : string.Empty;
}
