using System.Globalization;
using System.Text;
using KubeBind.DevApiServer.Api;

namespace KubeBind.DevApiServer.Http;

/// <summary>An opaque list continuation: the list's resourceVersion and the last key returned.</summary>
internal sealed record ContinueToken(long ResourceVersion, string StartAfter)
{
    public string Encode() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ResourceVersion.ToString(CultureInfo.InvariantCulture)}\n{StartAfter}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static ContinueToken? Parse(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", _ => string.Empty };
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            var newline = text.IndexOf('\n', StringComparison.Ordinal);
            if (newline > 0 && long.TryParse(text[..newline], NumberStyles.Integer, CultureInfo.InvariantCulture, out var rv))
            {
                return new ContinueToken(rv, text[(newline + 1)..]);
            }
        }
        catch (FormatException)
        {
            // Fall through to the BadRequest below.
        }

        throw ApiException.BadRequest("continue key is not valid: the continue token could not be decoded");
    }
}
