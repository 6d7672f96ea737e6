using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Api;

namespace KubeBind.DevApiServer.Auth;

/// <summary>
/// Bearer token authentication: the admin token (system:masters), service account JWTs this server signed
/// (bound tokens checked against the live ServiceAccount uid, legacy tokens against their Secret).
/// </summary>
internal sealed class Authenticator
{
    public const string AdminUser = "kubernetes-admin";

    private readonly ApiServerServices _services;
    private readonly byte[] _adminToken;

    public Authenticator(ApiServerServices services, string adminToken)
    {
        _services = services;
        _adminToken = Encoding.UTF8.GetBytes(adminToken);
    }

    public static UserInfo Admin { get; } = new(AdminUser, [UserInfo.MastersGroup, UserInfo.AuthenticatedGroup]);

    /// <summary>The caller behind an Authorization header: anonymous without one, null when the credentials are invalid.</summary>
    public UserInfo? Authenticate(string? authorization)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return UserInfo.Anonymous;
        }

        const string bearer = "Bearer ";
        if (!authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return AuthenticateToken(authorization[bearer.Length..].Trim());
    }

    public UserInfo? AuthenticateToken(string token) => AuthenticateToken(token, [_services.Tokens.Issuer])?.User;

    /// <summary>
    /// Authenticates a token for <paramref name="audiences"/> (TokenReview): the user and the audiences the token is
    /// valid for among them, or null. Legacy and admin tokens carry no audience and count as the API server's.
    /// </summary>
    public (UserInfo User, IReadOnlyList<string> Audiences)? AuthenticateToken(string token, IReadOnlyList<string> audiences)
    {
        var apiAudiences = audiences.Where(a => a == _services.Tokens.Issuer).ToList();
        if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), _adminToken))
        {
            return apiAudiences.Count > 0 ? (Admin, apiAudiences) : null;
        }

        var claims = _services.Tokens.Verify(token);
        if (claims is null)
        {
            return null;
        }

        if (claims.GetString("iss") == TokenIssuer.LegacyIssuer)
        {
            return apiAudiences.Count > 0 && FromLegacy(claims, token) is { } legacy ? (legacy, apiAudiences) : null;
        }

        var tokenAudiences = claims["aud"] is JsonValue single ? [single.GetValue<string>()] : Meta.StringList(claims["aud"]);
        var matching = audiences.Where(tokenAudiences.Contains).ToList();
        return matching.Count > 0 && FromBound(claims) is { } user ? (user, matching) : null;
    }

    public static UserInfo ServiceAccountUser(string ns, string name, string uid) => new(
        $"system:serviceaccount:{ns}:{name}",
        ["system:serviceaccounts", $"system:serviceaccounts:{ns}", UserInfo.AuthenticatedGroup],
        uid);

    private UserInfo? FromBound(JsonObject claims)
    {
        if (claims.GetString("iss") != _services.Tokens.Issuer || claims["kubernetes.io"] is not JsonObject kubernetes)
        {
            return null;
        }

        var ns = kubernetes.GetString("namespace");
        var sa = kubernetes["serviceaccount"] as JsonObject;
        var name = sa?.GetString("name");
        var uid = sa?.GetString("uid");
        if (ns is null || name is null || uid is null)
        {
            return null;
        }

        var account = _services.Store.Get(WellKnown.ServiceAccounts, ns, name);
        if (account is null || account.Uid != uid || account.Deleting)
        {
            return null;
        }

        if (kubernetes["secret"] is JsonObject secret && _services.Store.Get(WellKnown.Secrets, ns, secret.GetString("name") ?? string.Empty)?.Uid != secret.GetString("uid"))
        {
            return null;
        }

        return ServiceAccountUser(ns, name, uid);
    }

    private UserInfo? FromLegacy(JsonObject claims, string token)
    {
        var ns = claims.GetString("kubernetes.io/serviceaccount/namespace");
        var name = claims.GetString("kubernetes.io/serviceaccount/service-account.name");
        var uid = claims.GetString("kubernetes.io/serviceaccount/service-account.uid");
        var secretName = claims.GetString("kubernetes.io/serviceaccount/secret.name");
        if (ns is null || name is null || uid is null || secretName is null)
        {
            return null;
        }

        var account = _services.Store.Get(WellKnown.ServiceAccounts, ns, name);
        var secret = _services.Store.Get(WellKnown.Secrets, ns, secretName);
        if (account is null || account.Uid != uid || account.Deleting || secret is null || secret.Deleting)
        {
            return null;
        }

        // The Secret must still hold this very token; deleting or rewriting it revokes the token.
        var data = secret.ToJsonObject()["data"] as JsonObject;
        var stored = data?.GetString("token");
        return stored is not null && stored == Convert.ToBase64String(Encoding.UTF8.GetBytes(token)) ? ServiceAccountUser(ns, name, uid) : null;
    }
}
