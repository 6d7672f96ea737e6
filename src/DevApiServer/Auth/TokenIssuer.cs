using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeBind.DevApiServer.Auth;

/// <summary>
/// Signs and verifies service account JWTs (RS256) in the two shapes kube-apiserver issues: bound tokens from
/// TokenRequest, and legacy tokens stored in <c>kubernetes.io/service-account-token</c> Secrets.
/// </summary>
internal sealed class TokenIssuer
{
    public const string LegacyIssuer = "kubernetes/serviceaccount";

    private readonly RSA _key;
    private readonly TimeProvider _time;
    private readonly string _keyId;

    public TokenIssuer(RSA key, string issuer, TimeProvider time)
    {
        _key = key;
        Issuer = issuer;
        _time = time;
        _keyId = Base64Url(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));
    }

    public string Issuer { get; }

    /// <summary>A TokenRequest token: audience-bound and expiring.</summary>
    public string IssueBound(string ns, string serviceAccount, string serviceAccountUid, IReadOnlyList<string> audiences, DateTimeOffset expires, JsonObject? boundSecret = null)
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var kubernetes = new JsonObject
        {
            ["namespace"] = ns,
            ["serviceaccount"] = new JsonObject { ["name"] = serviceAccount, ["uid"] = serviceAccountUid },
        };
        if (boundSecret is not null)
        {
            kubernetes["secret"] = boundSecret;
        }

        return Sign(new JsonObject
        {
            ["aud"] = new JsonArray([.. audiences.Select(a => (JsonNode?)a)]),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["iat"] = now,
            ["iss"] = Issuer,
            ["jti"] = Guid.NewGuid().ToString(),
            ["kubernetes.io"] = kubernetes,
            ["nbf"] = now,
            ["sub"] = $"system:serviceaccount:{ns}:{serviceAccount}",
        });
    }

    /// <summary>A legacy, non-expiring token as the token controller writes into Secrets.</summary>
    public string IssueLegacy(string ns, string serviceAccount, string serviceAccountUid, string secretName) => Sign(new JsonObject
    {
        ["iss"] = LegacyIssuer,
        ["kubernetes.io/serviceaccount/namespace"] = ns,
        ["kubernetes.io/serviceaccount/secret.name"] = secretName,
        ["kubernetes.io/serviceaccount/service-account.name"] = serviceAccount,
        ["kubernetes.io/serviceaccount/service-account.uid"] = serviceAccountUid,
        ["sub"] = $"system:serviceaccount:{ns}:{serviceAccount}",
    });

    /// <summary>The claims of a token this server signed and that has not expired; null otherwise.</summary>
    public JsonObject? Verify(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            var header = JsonNode.Parse(FromBase64Url(parts[0])) as JsonObject;
            if (header?["alg"]?.GetValue<string>() != "RS256")
            {
                return null;
            }

            var signed = Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}");
            if (!_key.VerifyData(signed, FromBase64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            {
                return null;
            }

            var claims = JsonNode.Parse(FromBase64Url(parts[1])) as JsonObject;
            if (claims?["exp"] is JsonValue exp && exp.TryGetValue<long>(out var expires) && expires <= _time.GetUtcNow().ToUnixTimeSeconds())
            {
                return null;
            }

            return claims;
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException or CryptographicException)
        {
            return null;
        }
    }

    private string Sign(JsonObject claims)
    {
        var header = new JsonObject { ["alg"] = "RS256", ["kid"] = _keyId };
        var head = Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString()));
        var body = Base64Url(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        var signature = _key.SignData(Encoding.ASCII.GetBytes($"{head}.{body}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{head}.{body}.{Base64Url(signature)}";
    }

    private static string Base64Url(byte[] data) => Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string s)
    {
        var padded = s.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", _ => string.Empty };
        return Convert.FromBase64String(padded);
    }
}
